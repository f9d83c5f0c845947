import { condition, defineSignal, setHandler } from '@temporalio/workflow';

export const release = defineSignal('release');

/** Waits on a condition until released: a workflow with a pending promise for the stack trace query to show. */
export async function waitsForRelease() {
  let released = false;
  setHandler(release, () => {
    released = true;
  });
  await condition(() => released);
}
