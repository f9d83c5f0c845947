// Writes a finished workflow's history to test/histories/<name>.json for the replay test.
// Usage: node apps/admission/test/record-history.ts <workflowId> <name>   (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE)
// The history is kept as its protobuf encoding (base64) inside JSON: the SDK's proto3-JSON helpers trip over
// two copies of protobufjs in this tree, while the binary form reads back exactly.
import { writeFile } from 'node:fs/promises';
import { Client, Connection } from '@temporalio/client';
import proto from '@temporalio/proto';

const [workflowId, name] = process.argv.slice(2);
if (!workflowId || !name) throw new Error('usage: record-history.ts <workflowId> <name>');
const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
try {
  const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const encoded = Buffer.from(proto.temporal.api.history.v1.History.encode(history).finish()).toString('base64');
  const record = {
    workflowId,
    recordedAt: new Date().toISOString(),
    events: history.events?.length ?? 0,
    historyProtobufBase64: encoded,
  };
  await writeFile(new URL(`./histories/${name}.json`, import.meta.url), JSON.stringify(record, null, 2) + '\n');
} finally {
  await connection.close();
}
