// The bare-Temporal chain the platform's chain is measured against: the same steps and the same Updates
// (street review, one per community, committee, finance approval), one trivial Postgres insert per activity
// (each step's opening and each effect), and nothing else: no HTTP, no read models, no outbox, no Kafka.
// The admission half starts the finance half as an abandoned child where the platform sends an event.
import {
  allHandlersFinished,
  condition,
  defineUpdate,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';

const { record } = proxyActivities({ startToCloseTimeout: '30 seconds' });

export const decide = defineUpdate('decide');

/** precheck → street review → every community consulted at once → committee → admitted (starts the finance half). */
export async function bareAdmission({ chainId, communities }) {
  let current = 'prechecking';
  let streetDone = false;
  let committeeDone = false;
  const answered = new Set();
  setHandler(
    decide,
    // An Update that arrives before its step opens waits for it, as a client polling the read model would.
    async ({ step, community }) => {
      await condition(() => current === step);
      if (step === 'street-review') streetDone = true;
      else if (step === 'consultation') answered.add(community);
      else committeeDone = true;
      return step;
    },
    {
      validator: ({ step }) => {
        if (!['street-review', 'consultation', 'committee'].includes(step)) throw new Error(`unknown step ${step}`);
      },
    },
  );
  await record(chainId, 'precheck');
  await record(chainId, 'open street-review');
  current = 'street-review';
  await condition(() => streetDone);
  await record(chainId, 'open consultation');
  current = 'consultation';
  await condition(() => answered.size >= communities);
  await record(chainId, 'open committee');
  current = 'committee';
  await condition(() => committeeDone);
  current = 'admitted';
  await record(chainId, 'admitted');
  await startChild(bareFinance, {
    workflowId: `${workflowInfo().workflowId}-finance`,
    parentClosePolicy: ParentClosePolicy.ABANDON,
    args: [{ chainId, communities }],
  });
  await condition(allHandlersFinished);
  return current;
}

/** reserve → finance approval → disburse → dispatch. */
export async function bareFinance({ chainId }) {
  let current = 'reserving';
  let approved = false;
  setHandler(decide, async ({ step }) => {
    await condition(() => current === step);
    approved = true;
    return step;
  });
  await record(chainId, 'reserve');
  current = 'awaiting-decision';
  await condition(() => approved);
  current = 'disbursing';
  await record(chainId, 'disburse');
  await record(chainId, 'dispatch');
  current = 'dispatched';
  await condition(allHandlersFinished);
  return current;
}
