import { writeFile } from 'node:fs/promises';
import type { Client } from '@temporalio/client';
import proto from '@temporalio/proto';

/**
 * With RECORD_HISTORIES=1, keeps a finished workflow's history in test/histories/<name>.json for the
 * replay test, which then guards workflows already running against incompatible changes of the code.
 * Kept as protobuf (base64) inside JSON: the SDK's proto3-JSON helpers trip over two copies of
 * protobufjs in this tree, while the binary form reads back exactly.
 */
export async function recordHistory(client: Client, workflowId: string, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const handle = client.workflow.getHandle(workflowId);
  await handle.result();
  const history = await handle.fetchHistory();
  const encoded = Buffer.from(proto.temporal.api.history.v1.History.encode(history).finish()).toString('base64');
  const record = { workflowId, events: history.events?.length ?? 0, historyProtobufBase64: encoded };
  await writeFile(new URL(`../histories/${name}.json`, import.meta.url), JSON.stringify(record, null, 2) + '\n');
}
