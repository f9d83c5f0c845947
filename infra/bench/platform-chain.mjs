// The platform's full chain, driven over HTTP as its users drive it, against the services running as their own
// processes (organization API; admission and finance API + worker), in the benchmark's own schemas, topic
// prefix and task queues.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { requestDevToken } from '@jianfu/platform';
import { startIdentityProcess } from '../../libs/testing/jest/identity-process.mjs';
import { profileSummary } from './api-path.mjs';
import {
  cpuTimeOf,
  freePort,
  jsonRequestOptions,
  machineCpu,
  perChain,
  pool,
  roundsTogether,
  sleep,
  startProcess,
  summarize,
  until,
} from './lib.mjs';

const repo = new URL('../../', import.meta.url).pathname;
const here = new URL('./', import.meta.url).pathname;

/**
 * Starts the platform's processes. With `profileDir`, each runs under the V8 profiler between `profile('start')`
 * and `profile('stop')` (the measured chains only), writing `<name>.cpuprofile` there.
 */
export async function startPlatform({ run, servers, logDir, namePrefix = '', profileDir }) {
  // Tokens come from an identity service of the benchmark's own, as the tests get theirs (no shared secret).
  const identity = await startIdentityProcess(servers, { logFile: `${logDir}/${namePrefix}identity.log` });
  const environment = async (service) => ({
    PORT: String(await freePort()),
    DATABASE_URL: servers.databaseUrl,
    DATABASE_SCHEMA: `${run.schemaPrefix}_${service}`,
    KAFKA_BROKERS: servers.kafkaBrokers,
    KAFKA_TOPIC_PREFIX: run.topicPrefix,
    TEMPORAL_ADDRESS: servers.temporalAddress,
    TEMPORAL_NAMESPACE: servers.temporalNamespace,
    TEMPORAL_TASK_QUEUE: `${run.taskQueuePrefix}-${service}`,
    OIDC_ISSUER: identity.issuer,
    LOG_LEVEL: 'warn',
    // The benchmark is one caller sending many commands; the per-caller command budget would throttle it.
    RATE_LIMIT_COMMANDS: '0',
  });
  const processes = [];
  const urls = {};
  const start = (name, script, env) =>
    startProcess(
      name,
      script,
      profileDir ? { ...env, BENCH_CPU_PROFILE: `${profileDir}/${name}.cpuprofile` } : env,
      logDir,
      profileDir ? ['--import', `${here}cpu-profile.mjs`, '--import', `${here}query-count.mjs`] : [],
    );
  for (const service of ['organization', 'admission', 'finance']) {
    const env = await environment(service);
    urls[service] = `http://127.0.0.1:${env.PORT}`;
    processes.push(start(`${namePrefix}${service}-api`, `${repo}apps/${service}/dist/main.js`, env));
    if (service !== 'organization') {
      // The API runs the migrations; the worker starts once they are done.
      await until(() => ready(urls[service]), { intervalMs: 200, timeoutMs: 120_000, what: `${service} API` });
      processes.push(start(`${namePrefix}${service}-worker`, `${repo}apps/${service}/dist/worker.js`, env));
    }
  }
  await until(() => ready(urls.organization), { intervalMs: 200, timeoutMs: 120_000, what: 'organization API' });
  const tokens = {
    sign: async (principal, lifetimeSeconds) =>
      (await requestDevToken(identity, principal, lifetimeSeconds)).accessToken,
  };
  // What each process has spent so far (ms of CPU), the driver included: read before and after a phase.
  const cpu = () => ({
    ...Object.fromEntries(processes.map((p) => [p.name, cpuTimeOf(p.child.pid)])),
    [`${namePrefix}identity`]: cpuTimeOf(identity.pid),
    'bench-driver': cpuTimeOf(process.pid),
  });
  const profile = async (command) => {
    if (!profileDir) return;
    await Promise.all(
      processes.map((p) => {
        const answered = new Promise((resolve) => p.child.once('message', resolve));
        p.child.send(`profile:${command}`);
        return answered;
      }),
    );
  };
  const profiles = (chains) =>
    profileDir
      ? Object.fromEntries(
          processes.map((p) => [
            p.name,
            {
              ...profileSummary(`${profileDir}/${p.name}.cpuprofile`, 15),
              queriesPerChain: queriesPerChain(`${profileDir}/${p.name}.queries.json`, chains),
            },
          ]),
        )
      : undefined;
  return {
    processes,
    urls,
    tokens,
    cpu,
    profile,
    profiles,
    stop: () => Promise.all([...processes.map((p) => p.stop()), identity.stop()]),
  };
}

/** The SQL statements a process sent per chain (query-count.mjs): the total and the ten most frequent texts. */
function queriesPerChain(file, chains) {
  const counts = JSON.parse(readFileSync(file, 'utf8'));
  const ofOneChain = (n) => Math.round((n / chains) * 10) / 10;
  return {
    total: ofOneChain(counts.reduce((sum, [, n]) => sum + n, 0)),
    top: counts.slice(0, 10).map(([statement, n]) => ({ perChain: ofOneChain(n), statement })),
  };
}

async function ready(url) {
  try {
    const response = await fetch(`${url}/health/ready`);
    return response.ok ? true : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Each user's token, signed once per platform and kept for the run, as a signed-in user's browser keeps it:
 * signing one per chain would bill the identity service and a first verification to every chain.
 */
const tokenCaches = new WeakMap();

function client(platform) {
  if (!tokenCaches.has(platform)) tokenCaches.set(platform, new Map());
  const tokenCache = tokenCaches.get(platform);
  const token = (principal) => {
    const key = JSON.stringify(principal);
    if (!tokenCache.has(key)) tokenCache.set(key, platform.tokens.sign(principal, 8 * 3600));
    // A promise: every request awaits the one token of its principal.
    return tokenCache.get(key);
  };
  return async function request(service, method, path, as, body, headers = {}) {
    requestsMade[method === 'GET' ? 'reads' : 'commands']++;
    const payload = body ? JSON.stringify(body) : undefined;
    const { hostname, port } = new URL(platform.urls[service]);
    const options = jsonRequestOptions({
      agent: driverAgent,
      hostname,
      port,
      method,
      path,
      authorization: `Bearer ${await token(as)}`,
      payload,
      headers,
    });
    return new Promise((resolve, reject) => {
      const sent = http.request(options, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode,
            body: text ? JSON.parse(text) : null,
            etag: response.headers.etag ?? null,
          });
        });
        response.on('error', reject);
      });
      // A held read answers within its wait (20 s by default); anything longer is a failure.
      sent.setTimeout(120_000, () => sent.destroy(new Error(`${method} ${path}: no answer in 120 s`)));
      sent.on('error', reject);
      sent.end(payload);
    });
  };
}

/**
 * The driver's HTTP client: `node:http` with keep-alive sockets, as many as the chains in flight hold, as the API
 * phase's load generator sends (`api-path.mjs`). The users' browsers are not on this machine, and the driver's CPU is
 * billed to the platform's phase: with `fetch` (undici) it spent 21–27 ms a chain, with this 14–17 ms
 * (docs/performance.md, 2026-12-06 22:00).
 */
const driverAgent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 1024 });

let stepNotOpenRetries = 0;
// The driver's requests over the measured chains: its read-model polls and its commands.
const requestsMade = { reads: 0, commands: 0 };

const who = (userId, roles, scope = {}) => ({
  userId,
  name: userId,
  roles,
  scope: { districtCode: '350102', ...scope },
});
const admin = who('bench-org-admin', ['organization-admin']);
const reviewer = who('bench-street-reviewer', ['admission-reviewer']);
// Publishing the catalogue needs a second reviewer, who approves what the first proposed.
const secondReviewer = who('bench-second-reviewer', ['admission-reviewer']);
const committee = who('bench-committee', ['admission-committee']);
const financeOfficer = who('bench-caizheng', ['finance-officer']);
const secretary = (communityId) =>
  who(`bench-secretary-${communityId}`, ['community-secretary'], { communityIds: [communityId] });

function expectStatus(response, status, what) {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Organization announces a street, the communities and a department; finance budgets it; admission publishes the catalogue. */
export async function preparePlatform(
  platform,
  { communities, chains, warmup, rounds, pollMs, consult, consultRounds },
) {
  const request = client(platform);
  expectStatus(
    await request('organization', 'POST', '/streets', admin, { code: 'BENCH-S', name: '基准街道' }),
    201,
    'street',
  );
  const communityIds = [];
  for (let index = 0; index < communities; index++) {
    const created = await request('organization', 'POST', '/communities', admin, {
      code: `BENCH-C${index}`,
      name: `基准社区${index}`,
      streetCode: 'BENCH-S',
      partyMemberCount: 40,
    });
    communityIds.push(expectStatus(created, 201, 'community').communityId);
  }
  const { departmentId } = expectStatus(
    await request('organization', 'POST', '/departments', admin, { code: 'BENCH-D', name: '区民政局' }),
    201,
    'department',
  );
  for (const service of ['admission', 'finance']) {
    await until(
      async () => {
        const directory = await request(service, 'GET', '/community-directory', financeOfficer);
        return directory.body?.total === communities ? true : undefined;
      },
      { intervalMs: pollMs, timeoutMs: 120_000, what: `${service}'s community directory` },
    );
  }
  const proposal = expectStatus(
    await request('admission', 'POST', '/catalogue/proposals', reviewer, {
      note: '基准清单',
      items: [
        {
          code: 'MZ-01',
          name: '最低生活保障对象入户调查',
          category: '民政事务',
          legalBasis: '《社会救助暂行办法》第十一条',
          owningDepartment: '区民政局',
          fundingStandardFen: 300000,
          allowedLedgers: ['低保对象台账'],
          evaluationAllowed: false,
        },
      ],
    }),
    201,
    'catalogue',
  );
  expectStatus(
    await request('admission', 'POST', `/catalogue/proposals/${proposal.id}/actions`, secondReviewer, {
      action: 'approve',
    }),
    200,
    'catalogue approval',
  );
  expectStatus(
    await request('finance', 'PUT', `/departments/${departmentId}/budgets/2027`, financeOfficer, {
      // The chains, their warm-ups (one before each round) and the consultation phase's submissions (rejected by
      // the committee, but pre-checked against the budget first).
      approvedFen: ((chains + warmup * rounds + 4) * communities + (consultRounds + 1) * consult) * 300000,
      reason: '基准测试预算',
    }),
    200,
    'budget',
  );
  await until(
    async () =>
      (await request('admission', 'GET', `/departments/${departmentId}/budgets/2027`, reviewer)).status === 200
        ? true
        : undefined,
    { intervalMs: pollMs, timeoutMs: 120_000, what: "admission's copy of the budget" },
  );
  return { communityIds, departmentId };
}

/**
 * One chain: draft → submit → pre-check → street review → every community consulted at once → committee →
 * admitted → finance reservation → finance approval → disbursed → dispatched. Returns its stage timings (ms).
 */
async function platformChain(platform, setup, index, { pollMs, waitSeconds }) {
  const request = client(platform);
  const { communityIds, departmentId } = setup;
  const submitter = who('bench-minzheng', ['department-submitter'], { departmentId });
  const stages = {};
  // Wall-clock time (epoch ms) at which each stage ended, to set beside the workflows' histories.
  const endedAt = {};
  const started = performance.now();
  let mark = started;
  const lap = (stage) => {
    const now = performance.now();
    stages[stage] = now - mark;
    endedAt[stage] = Date.now();
    mark = now;
  };
  // A client that waits names the representation it has (`If-None-Match`) and asks the read to wait for a change
  // (`Prefer: wait`): each read answers as soon as a change commits, or 304 after the wait. One that does not wait
  // (`--waitSeconds=0`) reads every `pollMs`.
  const wait = async (service, path, as, predicate, what) => {
    if (!waitSeconds) {
      return until(
        async () => {
          const response = await request(service, 'GET', path, as);
          return response.status === 200 && predicate(response.body) ? response.body : undefined;
        },
        { intervalMs: pollMs, timeoutMs: 300_000, what: `${what} (chain ${index})` },
      );
    }
    const deadline = Date.now() + 300_000;
    let held;
    for (;;) {
      // Without a tag, the wait applies only to a resource not there yet (a transfer before finance has taken the
      // task in): the read is held until it is created.
      const conditional = { prefer: `wait=${waitSeconds}`, ...(held ? { 'if-none-match': held } : {}) };
      const sent = Date.now();
      const response = await request(service, 'GET', path, as, undefined, conditional);
      if (response.status === 200) {
        if (predicate(response.body)) return response.body;
        held = response.etag ?? undefined;
      } else if (response.status !== 304) {
        held = undefined;
        // Answered at once (not a wait that ran out): do not spin on it.
        if (Date.now() - sent < waitSeconds * 500) await sleep(pollMs);
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (chain ${index})`);
    }
  };
  // The read model can show a step open a moment before the workflow has opened it (the step first loads its
  // working-day calendar through an activity); the action is then refused as `approval.step-not-open`. A client
  // tries again; the benchmark does too, and counts how often.
  const act = async (as, body) => {
    for (let attempt = 1; ; attempt++) {
      const response = await request('admission', 'POST', `/submissions/${id}/actions`, as, body);
      if (response.status === 409 && response.body?.code === 'approval.step-not-open' && attempt < 50) {
        stepNotOpenRetries++;
        await sleep(pollMs);
        continue;
      }
      return expectStatus(response, 200, `action ${body.action}`);
    }
  };

  // A distinct period start per chain: the pre-check flags the same catalogue item, department and period twice.
  const day = new Date(Date.UTC(2027, 0, 1 + (index % 330))).toISOString().slice(0, 10);
  const draft = await request('admission', 'POST', '/submissions', submitter, {
    title: `基准事项 ${index}`,
    description: '每季度对辖区低保对象开展一次入户核查，核实家庭收入与人口变化。',
    catalogueItemCode: 'MZ-01',
    target: { mode: 'communities', communityIds },
    recurrence: 'recurring',
    periodStart: day,
    periodEnd: '2027-12-31',
    requiredLedgers: ['低保对象台账'],
    fundingPerCommunityFen: 300000,
    attachments: [],
  });
  const id = expectStatus(draft, 201, 'draft').id;
  expectStatus(await request('admission', 'POST', `/submissions/${id}/submit`, submitter), 202, 'submit');
  lap('draftAndSubmit');
  const review = (status) =>
    wait('admission', `/submissions/${id}`, submitter, (v) => v.review?.status === status, status);
  await review('street-review');
  lap('precheckToStreetReview');
  await act(reviewer, { action: 'approve' });
  lap('streetReviewAnswer');
  await review('consultation');
  lap('consultationOpens');
  const answers = await Promise.all(
    communityIds.map(async (communityId) => {
      const t0 = performance.now();
      await act(secretary(communityId), { action: 'approve', comment: '同意' });
      return performance.now() - t0;
    }),
  );
  lap('consultationAnswers');
  await review('committee');
  lap('committeeOpens');
  await act(committee, { action: 'approve' });
  lap('committeeAnswer');
  const admitted = await wait('admission', `/submissions/${id}`, submitter, (v) => v.status === 'admitted', 'admitted');
  lap('admitted');
  const taskId = admitted.task.taskId;
  const transfer = `/task-fund-transfers/${taskId}`;
  const reserved = await wait(
    'finance',
    transfer,
    financeOfficer,
    (v) => v.status === 'awaiting-decision',
    'reservation',
  );
  lap('admittedToFinanceReservation');
  expectStatus(
    await request('finance', 'POST', `${transfer}/actions`, financeOfficer, { action: 'approve' }),
    200,
    'finance approval',
  );
  lap('financeApprovalAnswer');
  await wait('finance', transfer, financeOfficer, (v) => v.status === 'disbursed', 'disbursed');
  lap('disbursed');
  const last = communityIds.at(-1);
  await wait(
    'admission',
    `/communities/${last}/tasks`,
    secretary(last),
    (v) => v.items.some((t) => t.taskId === taskId),
    'dispatched',
  );
  lap('disbursedToDispatched');
  const period = reserved.period ?? null;
  return { totalMs: performance.now() - started, stages, answers, submissionId: id, taskId, period, endedAt };
}

/** Unmeasured chains run as the measured ones are, side by side, before a round (see bare-chain.mjs). */
export async function warmUpPlatformChains(platform, setup, { warmup, concurrency, pollMs, waitSeconds }, round) {
  const first = 10_000 + (round - 1) * warmup;
  await pool(warmup, concurrency, (i) => platformChain(platform, setup, first + i, { pollMs, waitSeconds }));
}

/**
 * One measured round of the platform's chain: `chains` chains, `concurrency` at a time, numbered from `firstIndex`
 * (a chain's number picks its period, so the rounds' chains stay distinct). `serversCpu`: a snapshot of the shared
 * servers' CPU (lib.mjs `serverCpu`), billed per chain beside the services'. Returns the round's raw figures, which
 * `platformChainRounds` sums.
 */
export async function runPlatformRound(
  platform,
  setup,
  { chains, concurrency, pollMs, waitSeconds },
  serversCpu,
  round,
  firstIndex,
) {
  const results = [];
  const cpuBefore = { ...serversCpu(), ...platform.cpu() };
  const machineBefore = machineCpu();
  const requestsBefore = { ...requestsMade };
  const started = performance.now();
  await pool(chains, concurrency, async (index) =>
    results.push(await platformChain(platform, setup, firstIndex + index, { pollMs, waitSeconds })),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    round,
    chains,
    concurrency,
    seconds,
    results,
    cpuMs: perChain(cpuBefore, { ...serversCpu(), ...platform.cpu() }, 1),
    machine: { before: machineBefore, after: machineCpu() },
    requests: perChain(requestsBefore, { ...requestsMade }, 1),
  };
}

/** The platform's rounds together (lib.mjs `roundsTogether`), with each stage's times and the driver's requests. */
export function platformChainRounds(rounds) {
  const results = rounds.flatMap((r) => r.results);
  const together = roundsTogether(rounds);
  const requests = {};
  for (const r of rounds)
    for (const [kind, n] of Object.entries(r.requests)) requests[kind] = (requests[kind] ?? 0) + n;
  return {
    ...together,
    stagesMs: Object.fromEntries(
      Object.keys(results[0].stages).map((stage) => [stage, summarize(results.map((r) => r.stages[stage]))]),
    ),
    stepNotOpenRetries,
    requestsPerChain: perChain({}, requests, together.chains),
    chainIds: results.map(({ submissionId, taskId, period, endedAt }) => ({ submissionId, taskId, period, endedAt })),
  };
}

/**
 * What the platform's processes and the shared servers spend with nothing to do (consumers' fetches and
 * heartbeats, relays, timers, metrics), per second, over `seconds` after a settling second: the part of a chain's
 * CPU that is not the chain's.
 */
export async function idleCpuPerSecond(platform, serversCpu, seconds = 5) {
  await sleep(1000);
  const before = { ...serversCpu(), ...platform.cpu() };
  await sleep(seconds * 1000);
  return perChain(before, { ...serversCpu(), ...platform.cpu() }, seconds);
}

const eventMs = (event) =>
  Number(event.eventTime?.seconds ?? 0) * 1000 + Math.floor((event.eventTime?.nanos ?? 0) / 1e6);

/** A workflow's history events with their times; null when it does not exist. */
async function historyOf(temporal, workflowId) {
  try {
    const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
    return (history.events ?? []).map((event) => ({ event, at: eventMs(event) }));
  } catch {
    return null;
  }
}

/**
 * The workflow task a history completed last before index `end`: when the server scheduled it, how long it waited
 * for a worker (queue) and how long the worker took until it completed (run). A part the history lacks is NaN.
 */
function workflowTaskBefore(events, end) {
  const last = (key) => events.slice(0, end).findLast((e) => e.event[key])?.at;
  const scheduled = last('workflowTaskScheduledEventAttributes');
  const started = last('workflowTaskStartedEventAttributes');
  const completed = last('workflowTaskCompletedEventAttributes');
  return { scheduledAt: scheduled, queueMs: started - scheduled, runMs: completed - started, completedAt: completed };
}

/** The first workflow task of a history. */
function firstWorkflowTask(events) {
  return workflowTaskBefore(events, events.findIndex((e) => e.event.workflowTaskCompletedEventAttributes) + 1);
}

/**
 * The workflow task that took a history's first Update (the one its `UPDATE_ACCEPTED` follows; its run includes the
 * handler and any local activity it awaited in the same task), or null when the history has no Update.
 */
function firstUpdateWorkflowTask(events) {
  const accepted = events.findIndex((e) => e.event.workflowExecutionUpdateAcceptedEventAttributes);
  return accepted < 0 ? null : workflowTaskBefore(events, accepted);
}

/**
 * Where the Temporal stages of the measured chains went, from the review's, the funding schedule's (when the
 * task's period has more than one instalment) and the instalment transfer's histories, set beside the moments
 * the driver saw each step (its read-model polls): each new workflow's first task in the queue and in the
 * worker, the child's start, and the read model's lag (`breakdown`); and the workflow tasks in those histories that
 * timed out (`workflowTasksTimedOut`).
 */
export async function temporalBreakdown(temporal, chainIds) {
  const series = {};
  const add = (name, value) => {
    if (Number.isFinite(value)) (series[name] ??= []).push(value);
  };
  // Workflow tasks that timed out (10 s after a worker took them, as the server saw it) in the histories read, and in
  // how many workflows: a task recorded as started but never delivered shows as one (docs/performance.md,
  // 2026-12-07 20:30).
  const timedOut = { workflows: 0, withTimedOutTask: 0, tasks: 0 };
  // A person's answer, sent as the driver saw its step open (`sentAt`) until the answer came back (`answeredAt`):
  // the API and the server until the answer's workflow task is scheduled, that task in the queue, in the worker, and
  // from its completion to the answer.
  const addAnswer = (name, history, sentAt, answeredAt) => {
    const task = firstUpdateWorkflowTask(history);
    if (!task) return;
    add(`${name} sent → its workflow task scheduled`, task.scheduledAt - sentAt);
    add(`${name} task scheduled → picked up`, task.queueMs);
    add(`${name} task`, task.runMs);
    add(`${name} task completed → answer back`, answeredAt - task.completedAt);
  };
  const countTimeouts = (history) => {
    const tasks = history.filter((e) => e.event.workflowTaskTimedOutEventAttributes).length;
    timedOut.workflows += 1;
    timedOut.withTimedOutTask += tasks > 0 ? 1 : 0;
    timedOut.tasks += tasks;
  };
  for (const { submissionId, taskId, period, endedAt } of chainIds) {
    const review = await historyOf(temporal, `task-admission-${submissionId}`);
    if (review) {
      countTimeouts(review);
      const first = firstWorkflowTask(review);
      add('review: start → first workflow task picked up', first.queueMs);
      add('review: first workflow task (pre-check, street review opens)', first.runMs);
      add(
        'review: first task completed → street review seen by the driver',
        endedAt.precheckToStreetReview - first.completedAt,
      );
      // The street reviewer's approval, the review's first Update.
      addAnswer('review: street approval', review, endedAt.precheckToStreetReview, endedAt.streetReviewAnswer);
    }
    // A period of one instalment has no schedule workflow: finance's consumer starts the instalment's transfer.
    let transferId = `task-fund-transfer-${taskId}${period ? `-${period}` : ''}`;
    const schedule = await historyOf(temporal, `task-funding-schedule-${taskId}`);
    if (schedule) {
      countTimeouts(schedule);
      const first = firstWorkflowTask(schedule);
      add('schedule: start → first workflow task picked up', first.queueMs);
      add('schedule: first workflow task (instalment opens)', first.runMs);
      const initiated = schedule.find((e) => e.event.startChildWorkflowExecutionInitiatedEventAttributes);
      const childStarted = schedule.find((e) => e.event.childWorkflowExecutionStartedEventAttributes);
      add('schedule: child transfer initiated → started', childStarted?.at - initiated?.at);
      transferId = initiated?.event.startChildWorkflowExecutionInitiatedEventAttributes.workflowId;
    }
    const transfer = transferId ? await historyOf(temporal, transferId) : null;
    if (!transfer) continue;
    countTimeouts(transfer);
    const child = firstWorkflowTask(transfer);
    add('transfer: start → first workflow task picked up', child.queueMs);
    add('transfer: first workflow task (reservation, step opens)', child.runMs);
    add(
      'transfer: first task completed → step seen by the driver (< 0: before)',
      endedAt.admittedToFinanceReservation - child.completedAt,
    );
    // The finance officer's approval; its workflow task runs the settlement's local activity too.
    addAnswer('transfer: approval', transfer, endedAt.admittedToFinanceReservation, endedAt.financeApprovalAnswer);
  }
  return {
    breakdown: Object.fromEntries(Object.entries(series).map(([name, values]) => [name, summarize(values)])),
    workflowTasksTimedOut: timedOut,
  };
}

/**
 * Every outbox → inbox hop since `since`, from the services' own tables: relay part, Kafka + consumer part, total.
 * With `taskIds`, only the hops of events about those tasks: the measured chains', not their warm-ups'.
 */
export async function platformHops(db, schemaPrefix, since, taskIds) {
  const schemas = ['organization', 'admission', 'finance'].map((s) => `${schemaPrefix}_${s}`);
  const byType = {};
  for (const producer of schemas) {
    for (const consumer of schemas) {
      if (producer === consumer) continue;
      const { rows } = await db.query(
        `SELECT o.event_type,
                extract(epoch FROM o.published_at - o.created_at) * 1000 AS relay_ms,
                extract(epoch FROM i.received_at - o.published_at) * 1000 AS consume_ms,
                extract(epoch FROM i.received_at - o.created_at) * 1000 AS total_ms
           FROM "${consumer}".inbox_message i JOIN "${producer}".outbox_message o ON o.event_id = i.event_id
          WHERE o.created_at >= $1 AND ($2::text[] IS NULL OR o.envelope->'payload'->>'taskId' = ANY($2::text[]))`,
        [since, taskIds ?? null],
      );
      for (const row of rows) {
        const entry = (byType[row.event_type] ??= { relay: [], consume: [], total: [] });
        entry.relay.push(Number(row.relay_ms));
        entry.consume.push(Number(row.consume_ms));
        entry.total.push(Number(row.total_ms));
      }
    }
  }
  const all = { relay: [], consume: [], total: [] };
  for (const entry of Object.values(byType)) for (const key of Object.keys(all)) all[key].push(...entry[key]);
  const shape = (entry) => ({
    totalMs: summarize(entry.total),
    relayMs: summarize(entry.relay),
    kafkaAndConsumerMs: summarize(entry.consume),
  });
  return {
    all: shape(all),
    byEventType: Object.fromEntries(Object.entries(byType).map(([type, e]) => [type, shape(e)])),
  };
}

/** The outbox → inbox hop at a fixed rate: organization creates communities; admission and finance take them in. */
export async function platformHopAtRate(platform, db, schemaPrefix, { events, rate }) {
  const request = client(platform);
  let unavailableRetries = 0;
  const since = new Date();
  const started = performance.now();
  const sent = [];
  for (let index = 0; index < events; index++) {
    const due = started + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const body = { code: `BENCH-H${index}`, name: `基准跳社区${index}`, streetCode: 'BENCH-S' };
    // A 503 ("retry later": the API found no free database connection on a saturated machine) is sent again once,
    // as a client would; the hop is measured from the transaction that succeeded.
    sent.push(
      request('organization', 'POST', '/communities', admin, body)
        .then(async (r) => {
          if (r.status !== 503) return r;
          unavailableRetries++;
          await sleep(500);
          return request('organization', 'POST', '/communities', admin, body);
        })
        .then((r) => expectStatus(r, 201, 'community').communityId),
    );
  }
  const communityIds = await Promise.all(sent);
  const expected = events * 2;
  await until(
    async () => {
      let n = 0;
      for (const consumer of ['admission', 'finance']) {
        const { rows } = await db.query(
          `SELECT count(*)::int AS n FROM "${schemaPrefix}_${consumer}".inbox_message WHERE event_type = 'organization.community.created' AND received_at >= $1`,
          [since],
        );
        n += rows[0].n;
      }
      return n >= expected ? true : undefined;
    },
    { intervalMs: 200, timeoutMs: 120_000, what: 'the hop events' },
  );
  const hops = await platformHops(db, schemaPrefix, since);
  // The communities it created serve the consultation phase (they are known to admission by now).
  return { events, ratePerSecond: rate, ...hops.all, unavailableRetries, communityIds };
}

/**
 * A district consulting many communities at once (`consult` of them, `consultRounds` submissions one after
 * another): every secretary answers within the same moment, and the phase measures each answer's round trip and
 * the time until all have their answer. The review workflow's history shows what the answers cost Temporal:
 * workflow tasks, activities and local activities (markers) between the first answer and the step's close.
 * Each submission is then rejected by the committee, so nothing reaches finance.
 */
export async function consultationAtOnce(platform, setup, temporal, communityIds, { consultRounds, pollMs }) {
  const request = client(platform);
  const submitter = who('bench-minzheng', ['department-submitter'], { departmentId: setup.departmentId });
  // Tokens are signed before the clock starts: a secretary's browser holds one already.
  await Promise.all(communityIds.map((c) => request('admission', 'GET', `/communities/${c}/tasks`, secretary(c))));
  const rounds = [];
  let serverErrors = 0;
  for (let round = 0; round < consultRounds; round++) {
    const draft = await request('admission', 'POST', '/submissions', submitter, {
      title: `基准征求意见 ${round}`,
      description: '面向全部社区的一次性征求意见事项，检验同时作答的社区书记是否需要等待。',
      catalogueItemCode: 'MZ-01',
      target: { mode: 'communities', communityIds },
      recurrence: 'recurring',
      periodStart: new Date(Date.UTC(2027, 11, 1 + round)).toISOString().slice(0, 10),
      periodEnd: '2027-12-31',
      requiredLedgers: ['低保对象台账'],
      fundingPerCommunityFen: 300000,
      attachments: [],
    });
    const id = expectStatus(draft, 201, 'consultation draft').id;
    expectStatus(await request('admission', 'POST', `/submissions/${id}/submit`, submitter), 202, 'submit');
    const waitFor = (status) =>
      until(
        async () => {
          const r = await request('admission', 'GET', `/submissions/${id}`, submitter);
          return r.status === 200 && r.body.review?.status === status ? true : undefined;
        },
        { intervalMs: pollMs, timeoutMs: 300_000, what: `consultation ${round}: ${status}` },
      );
    // An answer refused with a 5xx is sent again after `pollMs`, as a secretary would click again; counted.
    const act = async (as, body) => {
      for (let attempt = 1; ; attempt++) {
        const response = await request('admission', 'POST', `/submissions/${id}/actions`, as, body);
        const notOpen = response.status === 409 && response.body?.code === 'approval.step-not-open';
        if ((notOpen || response.status >= 500) && attempt < 50) {
          if (response.status >= 500) serverErrors++;
          await sleep(pollMs);
          continue;
        }
        return expectStatus(response, 200, `consultation ${round}: ${body.action}`);
      }
    };
    await waitFor('street-review');
    await act(reviewer, { action: 'approve' });
    await waitFor('consultation');
    const firstSent = new Date();
    const started = performance.now();
    const answers = await Promise.all(
      communityIds.map(async (communityId) => {
        const t0 = performance.now();
        await act(secretary(communityId), { action: 'approve', comment: '同意' });
        return performance.now() - t0;
      }),
    );
    const allAnsweredMs = performance.now() - started;
    const lastAnswered = new Date();
    await waitFor('committee');
    await act(committee, { action: 'reject', reason: '基准测试：征求意见阶段后不予准入' });
    rounds.push({
      answersMs: answers,
      allAnsweredMs,
      temporal: await historyBetween(temporal, `task-admission-${id}`, firstSent, lastAnswered),
    });
  }
  const sum = (key) => rounds.reduce((total, r) => total + r.temporal[key], 0) / rounds.length;
  return {
    communities: communityIds.length,
    rounds: consultRounds,
    answerMs: summarize(rounds.flatMap((r) => r.answersMs)),
    allAnsweredMs: summarize(rounds.map((r) => r.allAnsweredMs)),
    answersRefusedWith5xxAndSentAgain: serverErrors,
    perRound: {
      workflowTasks: sum('workflowTasks'),
      activities: sum('activities'),
      localActivities: sum('localActivities'),
      updatesAccepted: sum('updatesAccepted'),
    },
  };
}

/** What the answers cost the review workflow: its history from the first answer sent to the last answered. */
async function historyBetween(temporal, workflowId, since, until) {
  const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
  const counts = { workflowTasks: 0, activities: 0, localActivities: 0, updatesAccepted: 0 };
  for (const event of history.events ?? []) {
    const at = eventMs(event);
    if (at < since.getTime() || at > until.getTime()) continue;
    if (event.workflowTaskCompletedEventAttributes) counts.workflowTasks++;
    if (event.activityTaskScheduledEventAttributes) counts.activities++;
    if (event.markerRecordedEventAttributes?.markerName === 'core_local_activity') counts.localActivities++;
    if (event.workflowExecutionUpdateAcceptedEventAttributes) counts.updatesAccepted++;
  }
  return counts;
}

/**
 * The finance hop as the chain feels it, split: admission's outbox row of \`task.admitted\` → finance's inbox
 * (Kafka and the relay) → finance's workflow started by the consumer (its inbox transaction) → the step open
 * (Temporal: workflow tasks and activities until the transfer awaits the finance officer). Over the measured chains'
 * tasks (`taskIds`).
 */
export async function financeHopBreakdown(db, temporal, schemaPrefix, taskIds) {
  const { rows } = await db.query(
    `SELECT o.envelope->'payload'->>'taskId' AS task_id, o.created_at, i.received_at,
            (SELECT min(t.period) FROM "${schemaPrefix}_finance".task_fund_transfer t
              WHERE t.task_id::text = o.envelope->'payload'->>'taskId') AS first_period
       FROM "${schemaPrefix}_admission".outbox_message o
       JOIN "${schemaPrefix}_finance".inbox_message i ON i.event_id = o.event_id
      WHERE o.event_type = 'admission.task.admitted' AND o.envelope->'payload'->>'taskId' = ANY($1::text[])`,
    [taskIds],
  );
  const toInbox = [];
  const inboxToWorkflowStart = [];
  for (const row of rows) {
    // A recurring task is funded through its schedule's workflow, unless its period is one instalment: then,
    // like a one-off, through the transfer's own (the instalment's, named by its period).
    const transferId = `task-fund-transfer-${row.task_id}${row.first_period ? `-${row.first_period}` : ''}`;
    for (const workflowId of [`task-funding-schedule-${row.task_id}`, transferId]) {
      const started = await temporal.workflow
        .getHandle(workflowId)
        .describe()
        .then((d) => d.startTime)
        .catch(() => undefined);
      if (!started) continue;
      toInbox.push(row.received_at - row.created_at);
      inboxToWorkflowStart.push(started - row.received_at);
      break;
    }
  }
  return { outboxToInboxMs: summarize(toInbox), inboxToWorkflowStartedMs: summarize(inboxToWorkflowStart) };
}
