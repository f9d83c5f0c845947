import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  bundleWorkflows,
  EventPublisher,
  KafkaConnection,
  openServiceDataSource,
  OutboxRepository,
  platformMigrations,
  type PlatformConfig,
  serviceDataSourceOptions,
  TransactionRunner,
} from '@jianfu/platform';
import { entityManagerOf, transactionOf } from '@jianfu/platform/persistence';
import {
  actOnApproval,
  addWorkingDays,
  approvalEntities,
  ApprovalAuditRepository,
  ApprovalInboxRepository,
  approvalStatus,
  calendarFromSnapshot,
  chinaWorkingDayCalendar,
  createApprovalProjectionActivities,
  approvalMigrations,
  approvalEventsRecorder,
  inboxCursorOf,
  sendApprovalAction,
  stepCalendarSnapshot,
  WorkingDayCalendarRepository,
  type ApprovalAction,
  type ApprovalEvent,
  type ApprovalStepSpec,
} from '../src/index.js';
import { currentWorkflowRevision } from '@jianfu/contracts/workflows';
import type { ApprovalFlowTestInput } from './approval-flow-test.workflow.js';

/**
 * The approval kit on a time-skipping Temporal test server with the real projection into Postgres:
 * human actions through the Update, their refusals, reminders, escalation and automatic outcomes when
 * working-day deadlines lapse, and the inbox and audit rows each change leaves.
 */
describe('ApprovalFlow', () => {
  // The kit sits below the testing library, so the suite names its own schema and task queue.
  const suffix = randomBytes(4).toString('hex');
  const schema = `t_approval_flow_${suffix}`;
  const taskQueue = `t-approval-flow-${suffix}`;
  const inbox = new ApprovalInboxRepository();
  const audit = new ApprovalAuditRepository();
  let env: TestWorkflowEnvironment;
  let dataSource: DataSource;
  let transactions: TransactionRunner;
  // A publisher as a service's worker has one; nothing here sends to Kafka (the relay is not running).
  const announcing = {
    publisher: new EventPublisher(
      new OutboxRepository(),
      new KafkaConnection({
        DATABASE_SCHEMA: schema,
        KAFKA_BROKERS: process.env.JIANFU_TEST_KAFKA_BROKERS ?? '127.0.0.1:9092',
        KAFKA_TOPIC_PREFIX: `${schema}.`,
      } as PlatformConfig),
    ),
    service: 'admission' as const,
  };
  let worker: Worker;
  let running: Promise<void>;
  /** The workflows that loaded a working-day calendar, once per load. */
  const calendarLoads: string[] = [];
  /** Each batch of events projected, by workflow, as `stepId:action`. */
  const projections: { workflowId: string; events: string[] }[] = [];
  function calendarLoadsCounted(activities: ReturnType<typeof createApprovalProjectionActivities>) {
    return {
      ...activities,
      loadWorkingDayCalendar(request: Parameters<typeof activities.loadWorkingDayCalendar>[0]) {
        calendarLoads.push(Context.current().info.workflowExecution?.workflowId ?? '');
        return activities.loadWorkingDayCalendar(request);
      },
      projectApprovalEvents(events: ApprovalEvent[]) {
        projections.push({
          workflowId: Context.current().info.workflowExecution?.workflowId ?? '',
          events: events.map((event) => `${event.stepId}:${event.action}`),
        });
        return activities.projectApprovalEvents(events);
      },
    };
  }

  /** What the owner's effect was handed, by workflow, as `stepId:action`, and whether it was refused. */
  const ownerEffects: { workflowId: string; events: string[]; refused: boolean }[] = [];
  const recordApprovalEvents = approvalEventsRecorder(announcing);
  /** An owner's effect as a service writes one: its own work and the events it is handed, in one transaction. */
  async function ownerEffect(events: ApprovalEvent[], refuse: boolean): Promise<void> {
    ownerEffects.push({
      workflowId: Context.current().info.workflowExecution?.workflowId ?? '',
      events: events.map((event) => `${event.stepId}:${event.action}`),
      refused: refuse,
    });
    await transactions.run(async (tx) => {
      await recordApprovalEvents(tx, events);
      // Refused after the events were written: the transaction takes them back with the rest.
      if (refuse) throw ApplicationFailure.nonRetryable('The owner refuses the effect', 'owner.refused');
    });
  }

  beforeAll(async () => {
    const url = process.env.JIANFU_TEST_DATABASE_URL;
    if (!url) throw new Error('JIANFU_TEST_DATABASE_URL is set by the integration global setup');
    dataSource = await openServiceDataSource(
      serviceDataSourceOptions({
        url,
        schema,
        entities: approvalEntities,
        // The outbox too: the kit announces step changes through it, in the statement that records them.
        migrations: [...platformMigrations(false), ...approvalMigrations],
        applicationName: 'approvals-test',
      }),
      schema,
      url,
    );
    transactions = new TransactionRunner(dataSource);
    const path = process.env.JIANFU_TEST_TEMPORAL_TEST_SERVER;
    env = await TestWorkflowEnvironment.createTimeSkipping(
      path ? { server: { executable: { type: 'existing-path', path } } } : {},
    );
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await bundleWorkflows(new URL('./approval-flow-test.workflow.ts', import.meta.url).pathname),
      activities: {
        ...calendarLoadsCounted(createApprovalProjectionActivities({ transactions, events: announcing })),
        ownerEffect,
      },
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
    await dataSource?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await dataSource?.destroy();
  });

  it('pages the inbox by keyset in each view’s order, ties and missing times included, as offsets page it', async () => {
    const district = `K${suffix}`;
    // 30 slots: deadlines repeat and some are missing, decisions share times, so the ids break the ties.
    await dataSource.query(
      `INSERT INTO approval_inbox_item (workflow_id, step_id, slot_id, kind, subject_type, subject_id, title,
         district_code, submitter_id, step_name, assignee_user_id, state, step_state, deadline_at, opened_at,
         closed_at, last_sequence, decided_by)
       SELECT 'wf-' || (n % 7), 'step-' || n, 'slot', CASE WHEN n % 4 = 0 THEN 'copy' ELSE 'review' END, 'subject',
              's-' || n, '事项' || n, $1, 'submitter', '审核', 'keyset-user', CASE WHEN n % 3 = 0 THEN 'done' ELSE 'open' END,
              'open', CASE WHEN n % 5 = 0 THEN NULL ELSE timestamptz '2027-01-01' + (n % 4) * interval '1 day' END,
              timestamptz '2026-12-01' + (n % 6) * interval '1 hour',
              CASE WHEN n % 3 = 0 AND n % 9 <> 0 THEN timestamptz '2026-12-20' + (n % 2) * interval '1 hour' END, 1,
              CASE WHEN n % 3 = 0 THEN 'keyset-user' END
       FROM generate_series(1, 30) AS n`,
      [district],
    );
    const viewer = { userId: 'keyset-user', roles: [], scopeRefs: [], districtCode: district };
    for (const view of [undefined, 'todo', 'done', 'cc'] as const) {
      const everything = await inbox.listFor(transactionOf(dataSource.manager), viewer, {
        view,
        offset: 0,
        limit: 100,
      });
      expect(everything.items.length).toBeGreaterThan(3);
      const keyed: string[] = [];
      let after: ReturnType<typeof inboxCursorOf> | undefined;
      for (let round = 0; round < 20; round += 1) {
        const page = await inbox.listFor(transactionOf(dataSource.manager), viewer, {
          view,
          offset: 0,
          limit: 3,
          ...(after ? { after } : {}),
        });
        keyed.push(...page.items.map((item) => `${item.workflowId}/${item.stepId}`));
        if (page.items.length < 3) break;
        after = inboxCursorOf(view, page.items.at(-1)!);
      }
      expect({ view, keyed }).toEqual({
        view,
        keyed: everything.items.map((item) => `${item.workflowId}/${item.stepId}`),
      });
    }
  });

  const all: ApprovalStepSpec['allowedActions'] = [
    'approve',
    'reject',
    'return',
    'withdraw',
    'transfer',
    'add-reviewer',
    'copy',
    'remind',
  ];

  /** A step one admission reviewer decides, with a deadline of five working days. */
  const reviewStep = (stepId: string, onLapse: 'approve' | 'expire' = 'expire'): ApprovalStepSpec => ({
    stepId,
    name: stepId,
    reviewers: [{ slotId: 'r', role: 'admission-reviewer' }],
    completion: { rule: 'any' },
    allowedActions: all,
    deadline: { workingDays: 5, onLapse },
  });

  /** The subject every test approval is about, under its own id. */
  const subjectOf = (subjectId: string) => ({
    subjectType: 'test-subject',
    subjectId,
    title: '社区台账精简试点',
    districtCode: '350102',
    departmentId: 'dept-1',
    submitterId: 'submitter-1',
    workflowId: `approval-test-${subjectId}`,
  });

  function start(
    steps: ApprovalStepSpec[],
    workflowRevision?: number,
    asOneRun = false,
    calendar?: ApprovalFlowTestInput['calendar'],
    ownerEffect?: ApprovalFlowTestInput['ownerEffect'],
  ) {
    const subject = subjectOf(randomUUID());
    const input: ApprovalFlowTestInput = {
      subject,
      steps,
      ...(workflowRevision ? { workflowRevision } : {}),
      ...(asOneRun ? { asOneRun } : {}),
      ...(calendar ? { calendar } : {}),
      ...(ownerEffect ? { ownerEffect } : {}),
    };
    return env.client.workflow.start('approvalFlowTestWorkflow', {
      taskQueue,
      workflowId: subject.workflowId,
      args: [input],
    });
  }

  const secretary = (userId: string, communityId: string) => ({
    userId,
    roles: ['community-secretary'],
    scopeRefs: [communityId],
  });
  const submitter = { userId: 'submitter-1', roles: ['department-submitter'], scopeRefs: ['dept-1'] };

  async function refusalOf(workflowId: string, action: ApprovalAction): Promise<string> {
    try {
      await env.client.workflow.getHandle(workflowId).executeUpdate(actOnApproval, { args: [action] });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
        return error.cause.type ?? 'untyped';
      }
      throw error;
    }
    return 'accepted';
  }

  it('collects parallel opinions under a ratio rule, with transfer, add-reviewer, copy and counted reminders', async () => {
    const handle = await start([
      {
        stepId: 'consultation',
        name: '社区征求意见',
        reviewers: [
          { slotId: 'c-1', role: 'community-secretary', scopeRef: 'community-1' },
          { slotId: 'c-2', role: 'community-secretary', scopeRef: 'community-2' },
          { slotId: 'c-3', role: 'community-secretary', scopeRef: 'community-3' },
        ],
        completion: { rule: 'ratio', ratio: 0.6 },
        allowedActions: all,
        maxReminders: 1,
      },
    ]);
    const workflowId = handle.workflowId;

    expect(await refusalOf(workflowId, { kind: 'approve', actor: secretary('outsider', 'community-9') })).toBe(
      'approval.wrong-actor',
    );
    expect(await refusalOf(workflowId, { kind: 'reject', actor: secretary('sec-1', 'community-1') })).toBe(
      'approval.reason-required',
    );

    const first = await sendApprovalAction(env.client, workflowId, {
      kind: 'approve',
      actor: secretary('sec-1', 'community-1'),
      comment: '同意，需配套经费',
    });
    expect(first.duplicate).toBe(false);
    // The same actor acting again has no second effect.
    const again = await sendApprovalAction(env.client, workflowId, {
      kind: 'approve',
      actor: secretary('sec-1', 'community-1'),
    });
    expect(again.duplicate).toBe(true);

    // Community 2's secretary hands the opinion to a colleague in the same community.
    await sendApprovalAction(env.client, workflowId, {
      kind: 'transfer',
      actor: secretary('sec-2', 'community-2'),
      targetUserId: 'sec-2b',
    });
    await sendApprovalAction(env.client, workflowId, { kind: 'copy', actor: submitter, targetUserId: 'leader-1' });
    await sendApprovalAction(env.client, workflowId, { kind: 'remind', actor: submitter });
    await expect(
      sendApprovalAction(env.client, workflowId, { kind: 'remind', actor: submitter }),
    ).rejects.toMatchObject({ code: 'approval.remind-limit', status: 409 });
    await expect(
      sendApprovalAction(env.client, workflowId, {
        kind: 'approve',
        actor: { ...submitter, roles: ['community-secretary'], scopeRefs: ['community-3'] },
      }),
    ).rejects.toMatchObject({ code: 'approval.self-decision', status: 403 });

    const status = await handle.query(approvalStatus);
    expect(status.open).toBe('consultation');
    expect(status.steps[0]).toMatchObject({ reminders: 1, watchers: ['leader-1'] });

    const viewer = { roles: ['community-secretary'], districtCode: '350102' };
    const waitingFor3 = await inbox.listFor(
      transactions.reader,
      { ...viewer, userId: 'sec-3', scopeRefs: ['community-3'] },
      { offset: 0, limit: 10 },
    );
    expect(
      waitingFor3.items.filter((item) => item.workflowId === workflowId).map((item) => [item.slotId, item.reminders]),
    ).toEqual([['c-3', 1]]);
    const transferred = await inbox.listFor(
      transactions.reader,
      { ...viewer, userId: 'sec-2b', scopeRefs: ['community-2'] },
      { offset: 0, limit: 10, subjectType: 'test-subject' },
    );
    expect(transferred.items.filter((item) => item.workflowId === workflowId).map((item) => item.slotId)).toEqual([
      'c-2',
    ]);
    // The original holder no longer sees it: the slot names the colleague now.
    const original = await inbox.listFor(
      transactions.reader,
      { ...viewer, userId: 'sec-2', scopeRefs: ['community-2'] },
      { offset: 0, limit: 10 },
    );
    expect(original.items.filter((item) => item.workflowId === workflowId)).toEqual([]);
    const copied = await inbox.listFor(
      transactions.reader,
      { userId: 'leader-1', roles: ['district-leader'], scopeRefs: [], districtCode: '350102' },
      { offset: 0, limit: 10, kind: 'copy' },
    );
    expect(copied.items.map((item) => item.workflowId)).toContain(workflowId);

    await expect(
      sendApprovalAction(env.client, workflowId, {
        kind: 'approve',
        actor: secretary('sec-2', 'community-2'),
        slotId: 'c-2',
      }),
    ).rejects.toMatchObject({ code: 'approval.wrong-actor' });
    await sendApprovalAction(env.client, workflowId, {
      kind: 'add-reviewer',
      actor: secretary('sec-3', 'community-3'),
      targetUserId: 'expert-1',
      targetRole: 'admission-reviewer',
    });
    // 4 slots at 0.6 need 3 approvals: sec-1, sec-2b and the added expert.
    await sendApprovalAction(env.client, workflowId, { kind: 'approve', actor: secretary('sec-2b', 'community-2') });
    const last = await sendApprovalAction(env.client, workflowId, {
      kind: 'approve',
      actor: { userId: 'expert-1', roles: ['admission-reviewer'] },
    });
    expect(last.step.state).toBe('approved');
    expect(await handle.result()).toEqual(['approved']);

    const trail = await audit.listForSubject(
      transactions.reader,
      'test-subject',
      await subjectIdOf(workflowId),
      '350102',
    );
    expect(trail.map((entry) => [entry.action, entry.actorId, entry.stateAfter])).toEqual([
      ['open', 'system', 'open'],
      ['approve', 'sec-1', 'open'],
      ['transfer', 'sec-2', 'open'],
      ['copy', 'submitter-1', 'open'],
      ['remind', 'submitter-1', 'open'],
      ['add-reviewer', 'sec-3', 'open'],
      ['approve', 'sec-2b', 'open'],
      ['approve', 'expert-1', 'approved'],
    ]);
    expect(trail[1]).toMatchObject({ comment: '同意，需配套经费', actorRole: 'community-secretary' });
    // Closed: nothing waits for the third community any more.
    const after = await inbox.listForSubject(transactions.reader, 'test-subject', trail[0].subjectId);
    expect(after.find((item) => item.slotId === 'c-3')).toMatchObject({ state: 'closed', stepState: 'approved' });
    await expect(dataSource.query(`UPDATE "${schema}".approval_audit_entry SET reason = 'x'`)).rejects.toThrow(
      /append-only/,
    );
  });

  async function subjectIdOf(workflowId: string): Promise<string> {
    const rows: { subject_id: string }[] = await dataSource.query(
      `SELECT DISTINCT subject_id FROM "${schema}".approval_audit_entry WHERE workflow_id = $1`,
      [workflowId],
    );
    return rows[0].subject_id;
  }

  it('records, projects and answers together the answers of many communities that arrive at once', async () => {
    const communities = Array.from({ length: 30 }, (_, index) => `community-${index + 1}`);
    const handle = await start([
      {
        stepId: 'consultation',
        name: '社区征求意见',
        reviewers: communities.map((communityId) => ({
          slotId: communityId,
          role: 'community-secretary',
          scopeRef: communityId,
        })),
        completion: { rule: 'all' },
        allowedActions: all,
      },
    ]);
    const workflowId = handle.workflowId;
    while ((await handle.query(approvalStatus)).open !== 'consultation') await new Promise((r) => setTimeout(r, 20));

    const answers = await Promise.all(
      communities.map((communityId) =>
        sendApprovalAction(env.client, workflowId, {
          kind: 'approve',
          actor: secretary(`sec-${communityId}`, communityId),
          comment: '同意',
        }),
      ),
    );
    expect(answers.every((answer) => !answer.duplicate)).toBe(true);
    expect(await handle.result()).toEqual(['approved']);

    // Every answer is in the audit trail, in order, and every slot in the inbox is done: nothing was lost by
    // projecting them together.
    const subjectId = workflowId.replace('approval-test-', '');
    const entries = await audit.listForSubject(transactions.reader, 'test-subject', subjectId, '350102');
    expect(entries.map((entry) => entry.sequence)).toEqual(Array.from({ length: 31 }, (_, index) => index + 1));
    expect(
      entries
        .filter((entry) => entry.action === 'approve')
        .map((entry) => entry.actorId)
        .sort(),
    ).toEqual(communities.map((communityId) => `sec-${communityId}`).sort());
    const items = await inbox.listForSubject(transactions.reader, 'test-subject', subjectId);
    expect(items).toHaveLength(communities.length);
    expect(items.every((item) => item.state === 'done' && item.stepState === 'approved')).toBe(true);

    // What it cost the workflow: answers that reached one workflow task were projected by one local activity
    // there, not by one activity (and one more workflow task) each.
    const { events } = await handle.fetchHistory();
    const scheduledActivities = (events ?? []).filter((event) => event.activityTaskScheduledEventAttributes).length;
    const localActivities = (events ?? []).filter(
      (event) => event.markerRecordedEventAttributes?.markerName === 'core_local_activity',
    ).length;
    expect(scheduledActivities).toBe(0);
    expect(localActivities).toBeGreaterThan(0);
    expect(localActivities).toBeLessThan(communities.length / 3);

    // A batch projected again, as an activity retried after its commit is, with one event that is new: the trail
    // gains that one entry, and only it is announced (one statement writes the entries and the announcements).
    const subject = subjectOf(subjectId);
    const replayed = entries.map((entry): ApprovalEvent => ({
      subject,
      sequence: entry.sequence,
      stepId: entry.stepId,
      action: entry.action as ApprovalEvent['action'],
      actorId: entry.actorId,
      ...(entry.comment ? { comment: entry.comment } : {}),
      at: entry.occurredAt.toISOString(),
      stateBefore: entry.stateBefore as ApprovalEvent['stateBefore'],
      stateAfter: entry.stateAfter as ApprovalEvent['stateAfter'],
      step: entry.stepSnapshot,
    }));
    const remark = { ...replayed.at(-1)!, sequence: 32, action: 'copy' as const, targetUserId: 'leader-1' };
    const announcedSequences = async () =>
      (
        await dataSource.query<{ sequence: number }[]>(
          `SELECT (envelope->'payload'->>'sequence')::int AS sequence FROM "${schema}".outbox_message
            WHERE envelope->'payload'->>'workflowId' = $1 ORDER BY position`,
          [workflowId],
        )
      ).map((row) => row.sequence);
    const announcedBefore = await announcedSequences();
    const retried = createApprovalProjectionActivities({ transactions, events: announcing });
    await retried.projectApprovalEvents([...replayed.slice(-10), remark, ...replayed.slice(0, 3)]);
    expect(await announcedSequences()).toEqual([...announcedBefore, 32]);
    const trail = await audit.listForSubject(transactions.reader, 'test-subject', subjectId, '350102');
    expect(trail.map((entry) => entry.sequence)).toEqual(Array.from({ length: 32 }, (_, index) => index + 1));
  });

  it('reminds, escalates and then decides automatically when working-day deadlines lapse', async () => {
    const handle = await start([
      {
        stepId: 'street-review',
        name: '街道审核',
        reviewers: [{ slotId: 'street', role: 'admission-reviewer' }],
        completion: { rule: 'any' },
        allowedActions: all,
        deadline: {
          workingDays: 3,
          remindAfterWorkingDays: 2,
          onLapse: 'escalate',
          escalateTo: [{ slotId: 'leader', role: 'district-leader' }],
          escalationWorkingDays: 2,
          afterEscalation: 'reject',
        },
      },
    ]);
    expect(await handle.result()).toEqual(['rejected']);

    const trail = await audit.listForSubject(
      transactions.reader,
      'test-subject',
      await subjectIdOf(handle.workflowId),
      '350102',
    );
    expect(trail.map((entry) => entry.action)).toEqual(['open', 'auto-remind', 'escalate', 'lapse']);
    const calendar = chinaWorkingDayCalendar();
    const opened = trail[0].occurredAt.getTime();
    const firstDeadline = addWorkingDays(calendar, opened, 3).getTime();
    expect(trail[0].stepSnapshot.deadlineAt).toBe(new Date(firstDeadline).toISOString());
    // Timers fire at their instant or a moment after it, never before.
    const firedAt = (index: number, due: number) => {
      expect(trail[index].occurredAt.getTime()).toBeGreaterThanOrEqual(due);
      expect(trail[index].occurredAt.getTime()).toBeLessThan(due + 60_000);
    };
    firedAt(1, addWorkingDays(calendar, opened, 2).getTime());
    firedAt(2, firstDeadline);
    expect(trail[2].stepSnapshot.slots.map((slot) => slot.slotId)).toEqual(['street', 'leader']);
    firedAt(3, addWorkingDays(calendar, trail[2].occurredAt, 2).getTime());
    expect(trail[3]).toMatchObject({ actorId: 'system', stateAfter: 'rejected', reason: 'deadline lapsed' });
  });

  it('loads the calendar once for steps that open minutes apart, again for a step that opens days later', async () => {
    const reviewer = { userId: 'rev-1', roles: ['admission-reviewer'] };
    const approveAll = async (workflowId: string, steps: string[]) => {
      for (const stepId of steps)
        await sendApprovalAction(env.client, workflowId, { kind: 'approve', actor: reviewer, stepId });
    };
    const loadsOf = (workflowId: string) => calendarLoads.filter((id) => id === workflowId).length;

    // Three steps decided one after another: the second and third open moments after the first loaded.
    const current = await start([reviewStep('a'), reviewStep('b'), reviewStep('c')], currentWorkflowRevision);
    await approveAll(current.workflowId, ['a', 'b', 'c']);
    expect(await current.result()).toEqual(['approved', 'approved', 'approved']);
    expect(loadsOf(current.workflowId)).toBe(1);

    // A workflow started before revision 2 replays as it ran: each step loaded its own.
    const older = await start([reviewStep('a'), reviewStep('b'), reviewStep('c')]);
    await approveAll(older.workflowId, ['a', 'b', 'c']);
    expect(await older.result()).toEqual(['approved', 'approved', 'approved']);
    expect(loadsOf(older.workflowId)).toBe(3);

    // Both steps close by their deadlines (awaiting the result lets the test server skip time): the second opens
    // five working days after the first loaded, and loads the calendar again.
    const later = await start([reviewStep('a', 'approve'), reviewStep('b', 'approve')], currentWorkflowRevision);
    expect(await later.result()).toEqual(['approved', 'approved']);
    expect(loadsOf(later.workflowId)).toBe(2);
  });

  it('opens a step on the calendar its owner handed over, and loads its own when that one does not fit', async () => {
    const spec = reviewStep('a');
    const reviewer = { userId: 'rev-1', roles: ['admission-reviewer'] };
    const loadsOf = (workflowId: string) => calendarLoads.filter((id) => id === workflowId).length;
    // Loaded for the test server's time, as an owner's activity loads it for the time it runs at (earlier tests
    // here skip the server's clock weeks ahead, maybe into another year).
    const snapshot = await stepCalendarSnapshot(
      transactions.reader,
      new WorkingDayCalendarRepository(),
      '350102',
      await env.currentTimeMs(),
    );
    const decided = async (calendar: ApprovalFlowTestInput['calendar']) => {
      const handle = await start([spec], currentWorkflowRevision, false, calendar);
      const { step } = await sendApprovalAction(env.client, handle.workflowId, { kind: 'approve', actor: reviewer });
      expect(await handle.result()).toEqual(['approved']);
      return { workflowId: handle.workflowId, step };
    };

    const handed = await decided(snapshot);
    expect(loadsOf(handed.workflowId)).toBe(0);
    // The deadline is the one the same calendar gives: five working days from the opening.
    const opened = new Date(handed.step.openedAt).getTime();
    expect(handed.step.deadlineAt).toBe(
      new Date(addWorkingDays(calendarFromSnapshot(snapshot), opened, 5).getTime()).toISOString(),
    );
    // Another district's calendar, or one without the year now, is not used: the step loads its own.
    expect(loadsOf((await decided({ ...snapshot, districtCode: '350103' })).workflowId)).toBe(1);
    expect(loadsOf((await decided({ ...snapshot, years: snapshot.years.slice(1) })).workflowId)).toBe(1);
  });

  /** The batches the kit's projection activity stored for a workflow, as `stepId:action`. */
  const batchesOf = (workflowId: string) =>
    projections.filter((batch) => batch.workflowId === workflowId).map((batch) => batch.events);
  /** A test workflow's audit trail, as `stepId:action`. */
  const trailOf = async (workflowId: string) =>
    (
      await audit.listForSubject(
        transactions.reader,
        'test-subject',
        workflowId.replace('approval-test-', ''),
        '350102',
      )
    ).map((entry) => `${entry.stepId}:${entry.action}`);

  /** The reviewer approves step `a`, then rejects step `b`. */
  const approveThenReject = async (workflowId: string) => {
    const reviewer = { userId: 'rev-1', roles: ['admission-reviewer'] };
    await sendApprovalAction(env.client, workflowId, { kind: 'approve', actor: reviewer, stepId: 'a' });
    await sendApprovalAction(env.client, workflowId, {
      kind: 'reject',
      actor: reviewer,
      stepId: 'b',
      reason: '不符合准入条件',
    });
  };

  it('projects the closing of a step that leads on with the next step opening, in one batch, from revision 3', async () => {
    const reviewer = { userId: 'rev-1', roles: ['admission-reviewer'] };
    const steps = [reviewStep('a'), reviewStep('b'), reviewStep('c')];

    const current = await start(steps, currentWorkflowRevision, true);
    const approvedA = await sendApprovalAction(env.client, current.workflowId, {
      kind: 'approve',
      actor: reviewer,
      stepId: 'a',
    });
    expect(approvedA.step.state).toBe('approved');
    // The Update is answered once its event is stored, and by then the next step's opening is stored with it.
    expect(await trailOf(current.workflowId)).toEqual(['a:open', 'a:approve', 'b:open']);
    for (const stepId of ['b', 'c'])
      await sendApprovalAction(env.client, current.workflowId, { kind: 'approve', actor: reviewer, stepId });
    expect(await current.result()).toEqual(['approved', 'approved', 'approved']);
    expect(batchesOf(current.workflowId)).toEqual([
      ['a:open'],
      ['a:approve', 'b:open'],
      ['b:approve', 'c:open'],
      ['c:approve'],
    ]);
    expect(await trailOf(current.workflowId)).toEqual([
      'a:open',
      'a:approve',
      'b:open',
      'b:approve',
      'c:open',
      'c:approve',
    ]);
    // Every step's slot in the inbox ends decided, the one closed in a shared batch as the last.
    const items = await inbox.listForSubject(
      transactions.reader,
      'test-subject',
      current.workflowId.replace('approval-test-', ''),
    );
    expect(items.map((item) => `${item.stepId}:${item.state}:${item.stepState}`).sort()).toEqual([
      'a:done:approved',
      'b:done:approved',
      'c:done:approved',
    ]);

    // A step that ends the run is stored alone, before the workflow goes on: here a rejection.
    const rejected = await start(steps, currentWorkflowRevision, true);
    await approveThenReject(rejected.workflowId);
    expect(await rejected.result()).toEqual(['approved', 'rejected']);
    expect(batchesOf(rejected.workflowId)).toEqual([['a:open'], ['a:approve', 'b:open'], ['b:reject']]);

    // A workflow started before revision 3 replays as it ran: every change projected on its own.
    const older = await start(steps, 2, true);
    for (const stepId of ['a', 'b', 'c'])
      await sendApprovalAction(env.client, older.workflowId, { kind: 'approve', actor: reviewer, stepId });
    expect(await older.result()).toEqual(['approved', 'approved', 'approved']);
    expect(batchesOf(older.workflowId)).toEqual([
      ['a:open'],
      ['a:approve'],
      ['b:open'],
      ['b:approve'],
      ['c:open'],
      ['c:approve'],
    ]);
  });

  it('stores a last approval held for the owner by the owner’s effect, or by the kit when the effect is refused', async () => {
    const reviewer = { userId: 'rev-1', roles: ['admission-reviewer'] };
    const steps = [reviewStep('a'), reviewStep('b')];
    const effectsOf = (workflowId: string) => ownerEffects.filter((effect) => effect.workflowId === workflowId);
    const slotsOf = async (workflowId: string) =>
      (await inbox.listForSubject(transactions.reader, 'test-subject', workflowId.replace('approval-test-', '')))
        .map((item) => `${item.stepId}:${item.state}:${item.stepState}`)
        .sort();

    const done = await start(steps, currentWorkflowRevision, true, undefined, 'done');
    await sendApprovalAction(env.client, done.workflowId, { kind: 'approve', actor: reviewer, stepId: 'a' });
    const last = await sendApprovalAction(env.client, done.workflowId, {
      kind: 'approve',
      actor: reviewer,
      stepId: 'b',
    });
    expect(last.step.state).toBe('approved');
    // The Update is answered once the owner's effect stored its event: the kit's activity never saw it.
    expect(await trailOf(done.workflowId)).toEqual(['a:open', 'a:approve', 'b:open', 'b:approve']);
    expect(effectsOf(done.workflowId)).toEqual([
      { workflowId: done.workflowId, events: ['b:approve'], refused: false },
    ]);
    expect(await done.result()).toEqual(['approved', 'approved', 'effect-done']);
    expect(batchesOf(done.workflowId)).toEqual([['a:open'], ['a:approve', 'b:open']]);
    expect(await slotsOf(done.workflowId)).toEqual(['a:done:approved', 'b:done:approved']);

    // Refused: its transaction took the event back, and the kit stores it before the Update is answered.
    const refused = await start(steps, currentWorkflowRevision, true, undefined, 'refused');
    await sendApprovalAction(env.client, refused.workflowId, { kind: 'approve', actor: reviewer, stepId: 'a' });
    await sendApprovalAction(env.client, refused.workflowId, { kind: 'approve', actor: reviewer, stepId: 'b' });
    expect(await trailOf(refused.workflowId)).toEqual(['a:open', 'a:approve', 'b:open', 'b:approve']);
    expect(await refused.result()).toEqual(['approved', 'approved', 'effect-refused']);
    expect(effectsOf(refused.workflowId)).toEqual([
      { workflowId: refused.workflowId, events: ['b:approve'], refused: true },
    ]);
    expect(batchesOf(refused.workflowId)).toEqual([['a:open'], ['a:approve', 'b:open'], ['b:approve']]);
    expect(await slotsOf(refused.workflowId)).toEqual(['a:done:approved', 'b:done:approved']);

    // A rejection is not held: the kit stores it before the run returns, and the owner's effect never runs.
    const rejected = await start(steps, currentWorkflowRevision, true, undefined, 'done');
    await approveThenReject(rejected.workflowId);
    expect(await rejected.result()).toEqual(['approved', 'rejected']);
    expect(effectsOf(rejected.workflowId)).toEqual([]);
    expect(batchesOf(rejected.workflowId)).toEqual([['a:open'], ['a:approve', 'b:open'], ['b:reject']]);
  });

  it('returns at once when a reviewer returns it, and lets the submitter withdraw the next step', async () => {
    const handle = await start([
      {
        stepId: 'review',
        name: '审核',
        reviewers: [{ slotId: 'r', role: 'admission-reviewer' }],
        completion: { rule: 'any' },
        allowedActions: all,
        deadline: { workingDays: 5, onLapse: 'expire' },
      },
    ]);
    const reviewer = { userId: 'rev-1', roles: ['admission-reviewer'] };
    const returned = await sendApprovalAction(env.client, handle.workflowId, {
      kind: 'return',
      actor: reviewer,
      reason: '请补充法律依据',
    });
    expect(returned.step).toMatchObject({ state: 'returned', closedBy: { actorId: 'rev-1', kind: 'return' } });
    expect(await handle.result()).toEqual(['returned']);
    await expect(
      sendApprovalAction(env.client, handle.workflowId, { kind: 'approve', actor: reviewer }),
    ).rejects.toMatchObject({ code: 'approval.closed' });

    const second = await start([
      {
        stepId: 'review',
        name: '审核',
        reviewers: [{ slotId: 'r', role: 'admission-reviewer' }],
        completion: { rule: 'any' },
        allowedActions: all,
      },
    ]);
    expect(await refusalOf(second.workflowId, { kind: 'withdraw', actor: reviewer })).toBe('approval.wrong-actor');
    const withdrawn = await sendApprovalAction(env.client, second.workflowId, { kind: 'withdraw', actor: submitter });
    expect(withdrawn.step.state).toBe('withdrawn');
    expect(await second.result()).toEqual(['withdrawn']);
  });

  it('counts automatic reminders in the inbox like manual ones, without using up the manual limit', async () => {
    const handle = await start([
      {
        stepId: 'review',
        name: '审核',
        reviewers: [{ slotId: 'r', role: 'admission-reviewer' }],
        completion: { rule: 'any' },
        allowedActions: all,
        maxReminders: 1,
        deadline: { workingDays: 3, remindAfterWorkingDays: 1, onLapse: 'approve' },
      },
    ]);
    const reminded = await sendApprovalAction(env.client, handle.workflowId, { kind: 'remind', actor: submitter });
    expect(reminded.step).toMatchObject({ reminders: 1 });
    expect(await handle.result()).toEqual(['approved']);

    const trail = await audit.listForSubject(
      transactions.reader,
      'test-subject',
      await subjectIdOf(handle.workflowId),
      '350102',
    );
    expect(trail.map((entry) => entry.action)).toEqual(['open', 'remind', 'auto-remind', 'lapse']);
    expect(trail[2].stepSnapshot).toMatchObject({ reminders: 1, autoReminders: 1 });
    const rows: { reminders: number }[] = await entityManagerOf(transactions.reader).query(
      `SELECT reminders FROM "${schema}".approval_inbox_item WHERE workflow_id = $1`,
      [handle.workflowId],
    );
    expect(rows).toEqual([{ reminders: 2 }]);
  });
  it('keeps a scoped slot to actors whose organisation scope reaches it, in the Update and in the inbox', async () => {
    const handle = await start([
      {
        stepId: 'street-review',
        name: '街道/民政审核',
        reviewers: [
          { slotId: 'street', role: 'admission-reviewer', scope: { level: 'street', streetCodes: ['S-A'] } },
          { slotId: 'civil-affairs', role: 'admission-reviewer', scope: { level: 'district' } },
        ],
        completion: { rule: 'any' },
        allowedActions: all,
      },
      {
        stepId: 'committee',
        name: '审核委员会',
        reviewers: [{ slotId: 'committee', role: 'admission-committee', scope: { level: 'district' } }],
        completion: { rule: 'any' },
        allowedActions: all,
      },
    ]);
    const reviewerOf = (userId: string, scope: { districtCode: string; streetCodes?: string[] }) => ({
      userId,
      roles: ['admission-reviewer'],
      scopeRefs: scope.streetCodes ?? [],
      scope,
    });
    const streetB = reviewerOf('rev-b', { districtCode: '350102', streetCodes: ['S-B'] });
    const streetA = reviewerOf('rev-a', { districtCode: '350102', streetCodes: ['S-A'] });
    const otherDistrict = reviewerOf('rev-x', { districtCode: '350103' });
    const inboxOf = async (actor: ReturnType<typeof reviewerOf>) =>
      (
        await inbox.listFor(
          transactions.reader,
          {
            userId: actor.userId,
            roles: actor.roles,
            scopeRefs: actor.scopeRefs,
            districtCode: actor.scope.districtCode,
            scope: actor.scope,
          },
          { offset: 0, limit: 50, subjectType: 'test-subject' },
        )
      ).items
        .filter((item) => item.workflowId === handle.workflowId)
        .map((item) => item.slotId);

    await eventuallyOpen(handle.workflowId, 'street-review');
    expect(await refusalOf(handle.workflowId, { kind: 'approve', actor: streetB })).toBe('approval.out-of-scope');
    expect(await refusalOf(handle.workflowId, { kind: 'approve', actor: otherDistrict })).toBe('approval.out-of-scope');
    // A slot named explicitly is judged by its own scope too.
    expect(await refusalOf(handle.workflowId, { kind: 'approve', actor: streetA, slotId: 'civil-affairs' })).toBe(
      'approval.out-of-scope',
    );
    expect(await inboxOf(streetB)).toEqual([]);
    expect(await inboxOf(streetA)).toEqual(['street']);
    expect(await inboxOf(reviewerOf('rev-d', { districtCode: '350102' }))).toEqual(['civil-affairs']);

    const approved = await sendApprovalAction(env.client, handle.workflowId, { kind: 'approve', actor: streetA });
    expect(approved.step.slots.find((slot) => slot.slotId === 'street')?.decision?.actorId).toBe('rev-a');

    // The committee role is its own: a district-wide reviewer is not a committee member.
    await eventuallyOpen(handle.workflowId, 'committee');
    const districtReviewer = reviewerOf('rev-d', { districtCode: '350102' });
    expect(await refusalOf(handle.workflowId, { kind: 'approve', actor: districtReviewer })).toBe(
      'approval.wrong-actor',
    );
    const streetMember = { ...streetA, userId: 'member-a', roles: ['admission-committee'] };
    expect(await refusalOf(handle.workflowId, { kind: 'approve', actor: streetMember })).toBe('approval.out-of-scope');
    const member = { ...districtReviewer, userId: 'member-1', roles: ['admission-committee'] };
    await sendApprovalAction(env.client, handle.workflowId, { kind: 'approve', actor: member });
    expect(await handle.result()).toEqual(['approved', 'approved']);
  });

  async function eventuallyOpen(workflowId: string, stepId: string): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      // Open in the workflow and projected into the inbox.
      const rows: unknown[] = await entityManagerOf(transactions.reader).query(
        `SELECT 1 FROM "${schema}".approval_inbox_item WHERE workflow_id = $1 AND step_id = $2 AND state = 'open'`,
        [workflowId, stepId],
      );
      if (rows.length > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Step ${stepId} did not open`);
  }
});
