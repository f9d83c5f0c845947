import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import proto from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { bundleWorkflows, workflowsPathBeside } from '@jianfu/platform';

/**
 * Replays recorded histories (test/histories/, written with RECORD_HISTORIES=1 by the worker-restart suite for
 * the submission review and by the meeting-summons suite for `meetingSummonsReviewWorkflow`) against the current
 * workflow code: a change that would break reviews already running fails here with a determinism error.
 */
describe('admission workflow replay', () => {
  it('replays every recorded history without a determinism error', async () => {
    const directory = new URL('./histories/', import.meta.url);
    const files = (await readdir(directory)).filter((file) => file.endsWith('.json')).sort();
    expect(files.length).toBeGreaterThan(0);
    const histories = await Promise.all(
      files.map(async (file) => ({
        workflowId: file.replace(/\.json$/, ''),
        history: proto.temporal.api.history.v1.History.decode(
          Buffer.from(
            (JSON.parse(await readFile(new URL(file, directory), 'utf8')) as { historyProtobufBase64: string })
              .historyProtobufBase64,
            'base64',
          ),
        ),
      })),
    );
    const workflowBundle = await bundleWorkflows(
      workflowsPathBeside(new URL('../src/worker.ts', import.meta.url).href),
    );
    const results: { workflowId: string; error?: unknown }[] = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle }, histories)) {
      results.push({ workflowId: result.workflowId, ...(result.error ? { error: result.error } : {}) });
    }
    expect(results).toEqual(files.map((file) => ({ workflowId: file.replace(/\.json$/, '') })));
  });
});
