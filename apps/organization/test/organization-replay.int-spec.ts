import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import proto from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { bundleWorkflows, workflowsPathBeside } from '@jianfu/platform';

/**
 * Replays recorded opinion request histories (test/histories/, written by the opinion-requests suite with
 * RECORD_HISTORIES=1) against the current workflow bundle: a change that would break publicity windows already
 * running fails here with a determinism error.
 */
describe('organization workflow replay', () => {
  it('replays every recorded history without a determinism error', async () => {
    const directory = new URL('./histories/', import.meta.url);
    const files = (await readdir(directory)).filter((file) => file.endsWith('.json')).sort();
    const histories = await Promise.all(
      files.map(async (file) => {
        const record = JSON.parse(await readFile(new URL(file, directory), 'utf8')) as {
          historyProtobufBase64: string;
        };
        return {
          workflowId: file.replace(/\.json$/, ''),
          history: proto.temporal.api.history.v1.History.decode(Buffer.from(record.historyProtobufBase64, 'base64')),
        };
      }),
    );
    const workflowTypes = histories.map(
      ({ history }) => history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name,
    );
    expect(new Set(workflowTypes)).toEqual(new Set(['opinionRequestWorkflow']));

    const workflowBundle = await bundleWorkflows(
      workflowsPathBeside(new URL('../src/worker.ts', import.meta.url).href),
    );
    const results: { workflowId: string; error?: unknown }[] = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle }, histories)) {
      results.push({ workflowId: result.workflowId, ...(result.error ? { error: result.error } : {}) });
    }
    results.sort((a, b) => a.workflowId.localeCompare(b.workflowId));
    const expected = files.map((file) => ({ workflowId: file.replace(/\.json$/, '') }));
    expect(results).toEqual(expected.sort((a, b) => a.workflowId.localeCompare(b.workflowId)));
  });
});
