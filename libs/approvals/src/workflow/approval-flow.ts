import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { JianfuSearchAttributes, startedAtRevision, takesPatch } from '@jianfu/contracts/workflows';
import {
  type ApprovalAction,
  ApprovalRefusal,
  type ApprovalStepSpec,
  type ApprovalStepStatus,
  completionOutcome,
  type LapseOutcome,
  type ReviewerSlot,
  type StepOutcome,
  validateApprovalAction,
} from './approval-actions.js';
import {
  actOnApproval,
  type ApprovalActionResult,
  type ApprovalEvent,
  type ApprovalEventAction,
  type ApprovalFlowStatus,
  approvalStatus,
  type ApprovalSubject,
} from './approval-messages.js';
import {
  addWorkingDays,
  calendarFromSnapshot,
  calendarYearsFrom,
  chinaWorkingDayCalendar,
  isProvisionalBetween,
  type WorkingDayCalendar,
  type WorkingDayCalendarSnapshot,
} from './working-days.js';

/** The activities every worker hosting the kit registers (`createApprovalProjectionActivities`). */
export interface WorkingDayCalendarActivities {
  loadWorkingDayCalendar(request: { districtCode: string; years: number[] }): Promise<WorkingDayCalendarSnapshot>;
}
interface BatchProjectionActivities {
  projectApprovalEvents(events: ApprovalEvent[]): Promise<void>;
}

/**
 * Steps opened from this change on take their calendar from the database through an activity (recorded, so
 * replay-safe); steps of histories recorded before it keep the shipped table they were computed by.
 */
export const calendarFromDatabasePatch = 'approvals-working-day-calendar-from-database';
/** Since this patch, the open step is the workflow's `JianfuStep` search attribute (operators filter by it). */
export const stepSearchAttributePatch = 'approvals-step-search-attribute';
/**
 * Since this patch, the events waiting to be projected are projected together, by one local activity
 * (`projectApprovalEvents`), and a step's calendar is loaded by a local activity: the answers that reach a
 * workflow task together are recorded, projected and answered in that same task instead of one activity (and
 * one more workflow task) each. Both activities are idempotent (the audit entry is keyed by the event's
 * sequence, inbox rows only move forward), so a retried workflow task that runs them again has one effect.
 */
export const localProjectionPatch = 'approvals-local-batched-projection';

/**
 * From this workflow revision on, a step that opens within `calendarReuseMs` (workflow time) of the workflow's last
 * calendar load, in the same year, reuses that calendar instead of loading it again. Steps that follow each other in
 * a review (the street review, the consultation, the committee) open moments apart; a calendar loaded a few minutes
 * ago is as current as the next load would be, save a change committed in those minutes.
 */
const calendarReuseRevision = 2;
const calendarReuseMs = 5 * 60_000;

/**
 * From this workflow revision on, `runSteps` projects the events that close a step leading on to the next one together
 * with that step's opening, by one local activity instead of one each (decision 0012, revision 3).
 */
const closeWithNextOpeningRevision = 3;

const localActivityOptions = {
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', maximumInterval: '1m' },
} as const;

export interface ApprovalFlowOptions {
  subject: ApprovalSubject;
  /**
   * Persists one event (inbox + audit); normally the proxied `projectApprovalEvent` activity. Used by workflows
   * recorded before `localProjectionPatch`; since then the kit projects through `projectApprovalEvents`.
   */
  project: (event: ApprovalEvent) => Promise<void>;
  /**
   * A fixed calendar (tests). Without it each step with a deadline loads the calendar of its district for the
   * year it opens and the next through the `loadWorkingDayCalendar` activity.
   */
  calendar?: WorkingDayCalendar;
  /**
   * Workflow time in milliseconds, `this.now()` (deterministic in a workflow) unless a test shifts it by a
   * constant from its input to stand at a fixed date: when steps open, act and lapse, and which years'
   * calendar they load. A shift must come from the input (or another recorded value) to replay the same.
   */
  clock?: () => number;
  /** The owning workflow's own refusals; throw an ApprovalRefusal. */
  extraValidation?: (action: ApprovalAction, step: ApprovalStepStatus | undefined) => void;
  /**
   * The revision the owning workflow started at (its input's `workflowRevision`): the kit's patches settled by
   * then are taken without a `patched()` marker (`takesPatch`). Absent: every patch is asked, as before revisions.
   */
  workflowRevision?: number;
}

export interface ApprovalStepResult {
  outcome: StepOutcome;
  step: ApprovalStepStatus;
}

/** How long an action sent before the first step opens waits for it (workflow time). */
const earlyActionPatience = '1 hour';

const lapseState: Record<Exclude<LapseOutcome, 'escalate'>, StepOutcome> = {
  approve: 'approved',
  reject: 'rejected',
  expire: 'expired',
};

/**
 * Runs approval steps inside a workflow. Deterministic: time is workflow time, I/O goes through the
 * `project` activity, and events are projected strictly in order; an Update answers only after its
 * event is persisted, so what the caller sees is already in the inbox and the audit trail.
 */
export class ApprovalFlow {
  readonly steps: ApprovalStepStatus[] = [];
  private current: ApprovalStepStatus | undefined;
  private readonly calendar: WorkingDayCalendar;
  private readonly pending: ApprovalEvent[] = [];
  private emitted = 0;
  private projected = 0;
  private pumping = false;
  private finished = false;
  /** Between the start of `runStep` and its step opening (the calendar activity runs in between). */
  private opening = false;
  /** Whether this workflow projects in batches by local activity; decided once, at its first projection. */
  private batchedProjection: boolean | undefined;
  /** The calendar the last step loaded, with the year it was loaded for and when (workflow time). */
  private loadedCalendar: { year: number; at: number; calendar: WorkingDayCalendar } | undefined;
  /**
   * The step whose closing events wait for the next step's opening (`runSteps`), if it closes with an outcome that
   * leads on; the next step's opening replaces it, which lets the projection go.
   */
  private heldClose: { stepId: string; leadsOn: (outcome: StepOutcome) => boolean } | undefined;
  /** A batch being stored: by the kit's projection activity, or by an owner's effect (`projectWith`). */
  private storing = false;

  constructor(private readonly options: ApprovalFlowOptions) {
    this.calendar = options.calendar ?? chinaWorkingDayCalendar();
  }

  /** `patched(patchId)`, or the settled answer for a workflow started at a revision that settled it. */
  private takesPatch(patchId: string): boolean {
    return takesPatch({ workflowRevision: this.options.workflowRevision }, patchId);
  }

  private now(): number {
    return this.options.clock ? this.options.clock() : Date.now();
  }

  get subject(): ApprovalSubject {
    return this.options.subject;
  }

  /** The step open now, if any. */
  get openStep(): ApprovalStepStatus | undefined {
    return this.current;
  }

  /** Registers the Update and Query; call once at the start of the workflow, before any await. */
  install(): void {
    setHandler(approvalStatus, (): ApprovalFlowStatus => ({
      steps: this.steps,
      ...(this.current ? { open: this.current.stepId } : {}),
    }));
    setHandler(
      actOnApproval,
      async (action): Promise<ApprovalActionResult> => {
        if (this.awaitingStep) {
          // Accepted before the step opened (the workflow was still preparing it, e.g. loading its
          // calendar): the rules that depend on the step are applied once it opens, or the action is
          // refused if the flow ends without one. The bound keeps an owner that never calls finish()
          // from waiting on this handler for ever.
          const settled = await condition(() => !this.awaitingStep, earlyActionPatience);
          refusalsAsFailures(() => {
            if (!settled) throw new ApprovalRefusal('approval.step-not-open', 'No approval step opened in time');
            this.validate(action);
          });
        }
        const step = this.stepFor(action);
        const verdict = validateApprovalAction(step, action, this.actionContext);
        if (!step || verdict.effect === 'duplicate') return { duplicate: true, step: step! };
        const sequence = this.apply(step, action, verdict.slot);
        await condition(() => this.projected >= sequence);
        return { duplicate: false, step };
      },
      {
        validator: (action: ApprovalAction) => {
          refusalsAsFailures(() => {
            if (this.awaitingStep) {
              this.options.extraValidation?.(action, undefined);
              validateStepIndependentRules(action);
              return;
            }
            this.validate(action);
          });
        },
      },
    );
  }

  /**
   * Ends the flow: an action still waiting for a first step that will never open is refused, then the
   * handlers in flight finish. Call it where the workflow would otherwise `await condition(allHandlersFinished)`.
   */
  async finish(): Promise<void> {
    this.finished = true;
    this.heldClose = undefined;
    await condition(allHandlersFinished);
  }

  /** True until the first step opens, unless the flow was finished without one. */
  private get awaitingFirstStep(): boolean {
    return this.steps.length === 0 && !this.finished;
  }

  /**
   * True while a step is about to open but waits on its calendar (an activity): an action meant for it
   * must wait for it rather than be judged against the step before.
   */
  private get awaitingStep(): boolean {
    return this.awaitingFirstStep || this.opening;
  }

  private get actionContext() {
    return { submitterId: this.subject.submitterId, districtCode: this.subject.districtCode };
  }

  private validate(action: ApprovalAction): void {
    const step = this.stepFor(action);
    this.options.extraValidation?.(action, step);
    validateApprovalAction(step, action, this.actionContext);
  }

  /**
   * Opens a step and waits until a decision, a withdrawal or its deadline closes it. With `holdClose`, the events of
   * a close whose outcome it accepts are left for the owner's `projectWith`, and this returns without waiting for
   * them to be stored (the Update that closed the step is answered once they are).
   */
  runStep(
    spec: ApprovalStepSpec,
    options: { holdClose?: (outcome: StepOutcome) => boolean } = {},
  ): Promise<ApprovalStepResult> {
    return this.run(spec, options.holdClose);
  }

  /**
   * Runs `specs` in order, each once the one before closed with an outcome `leadsOn` accepts, and returns the result
   * of the last step that ran; `onStep` is told of each step as it is about to open. As `runStep` each after the
   * other, save that from workflow revision 3 the events closing a step that leads on are projected with the next
   * step's opening, in one local activity of the same workflow task: the Update that closed the step is answered once
   * both are stored. A step that ends the run is projected before this returns, as with `runStep`, unless the last
   * step closes with an outcome `holdLastClose` accepts: its events are then left for the owner's `projectWith`.
   */
  async runSteps(
    specs: ApprovalStepSpec[],
    leadsOn: (outcome: StepOutcome) => boolean,
    onStep?: (spec: ApprovalStepSpec, index: number) => void,
    holdLastClose?: (outcome: StepOutcome) => boolean,
  ): Promise<ApprovalStepResult> {
    if (specs.length === 0) throw new Error('runSteps needs at least one step');
    const holds = startedAtRevision({ workflowRevision: this.options.workflowRevision }, closeWithNextOpeningRevision);
    let result: ApprovalStepResult | undefined;
    for (const [index, spec] of specs.entries()) {
      onStep?.(spec, index);
      const last = index + 1 === specs.length;
      result = await this.run(spec, last ? holdLastClose : holds ? leadsOn : undefined);
      if (!leadsOn(result.outcome)) break;
    }
    return result!;
  }

  /**
   * `runStep`; with `leadsOn`, closing events of an outcome it accepts wait in `pending` for the next step's opening
   * or the owner's `projectWith`, and this returns without waiting for their projection (the caller opens the next
   * step, or runs its effect, at once).
   */
  private async run(
    spec: ApprovalStepSpec,
    leadsOn: ((outcome: StepOutcome) => boolean) | undefined,
  ): Promise<ApprovalStepResult> {
    if (this.steps.some((step) => step.stepId === spec.stepId)) {
      throw new Error(`Step ${spec.stepId} already ran in this workflow`);
    }
    const fromDatabase =
      spec.deadline !== undefined && !this.options.calendar && this.takesPatch(calendarFromDatabasePatch);
    this.opening = true;
    const calendar = fromDatabase ? await this.loadCalendar(this.now()) : this.calendar;
    const openedAt = this.now();
    let deadline = spec.deadline ? addWorkingDays(calendar, openedAt, spec.deadline.workingDays).getTime() : undefined;
    const remindAfter = spec.deadline?.remindAfterWorkingDays;
    let reminderAt = remindAfter !== undefined ? addWorkingDays(calendar, openedAt, remindAfter).getTime() : undefined;
    if (reminderAt !== undefined && deadline !== undefined && reminderAt >= deadline) reminderAt = undefined;

    const step: ApprovalStepStatus = {
      stepId: spec.stepId,
      name: spec.name,
      state: 'open',
      completion: spec.completion,
      allowedActions: spec.allowedActions,
      slots: spec.reviewers.map((slot) => ({ ...slot })),
      watchers: [],
      reminders: 0,
      maxReminders: spec.maxReminders ?? 3,
      openedAt: new Date(openedAt).toISOString(),
      ...(deadline !== undefined ? { deadlineAt: new Date(deadline).toISOString() } : {}),
      ...(fromDatabase && deadline !== undefined
        ? { calendarProvisional: isProvisionalBetween(calendar, openedAt, deadline - 1) }
        : {}),
      escalated: false,
      submitterActs: spec.submitterActs ?? false,
    };
    this.steps.push(step);
    this.current = step;
    this.opening = false;
    // Only a workflow that started with the search attributes (the namespace knows them) upserts one: upserting
    // an attribute the namespace lacks would fail every workflow task.
    if (workflowInfo().typedSearchAttributes.get(JianfuSearchAttributes.subjectType) !== undefined) {
      if (this.takesPatch(stepSearchAttributePatch)) {
        upsertSearchAttributes([{ key: JianfuSearchAttributes.step, value: spec.stepId }]);
      }
    }
    this.emit(step, 'open', 'open', { actorId: 'system' });
    // This opening releases the closing events of the step before, if they were held for it: they go in one batch.
    this.heldClose = leadsOn ? { stepId: spec.stepId, leadsOn } : undefined;

    while (step.state === 'open') {
      const next = Math.min(reminderAt ?? Infinity, deadline ?? Infinity);
      if (next === Infinity) {
        await condition(() => step.state !== 'open');
        break;
      }
      const closed = await condition(() => step.state !== 'open', Math.max(1, next - this.now()));
      if (closed) break;
      const now = this.now();
      if (reminderAt !== undefined && now >= reminderAt) {
        reminderAt = undefined;
        step.autoReminders = (step.autoReminders ?? 0) + 1;
        this.emit(step, 'auto-remind', 'open', { actorId: 'system' });
        continue;
      }
      if (deadline === undefined || now < deadline || !spec.deadline) continue;
      if (spec.deadline.onLapse === 'escalate' && !step.escalated) {
        // The escalated deadline is counted from now, maybe in a later year: the calendar is loaded again,
        // before the step changes, and a decision that came in meanwhile wins.
        const escalationCalendar = fromDatabase ? await this.loadCalendar(now) : calendar;
        if (step.state !== 'open') break;
        step.escalated = true;
        for (const slot of spec.deadline.escalateTo ?? []) step.slots.push({ ...slot, addedBy: 'system' });
        deadline = addWorkingDays(
          escalationCalendar,
          now,
          spec.deadline.escalationWorkingDays ?? spec.deadline.workingDays,
        ).getTime();
        step.deadlineAt = new Date(deadline).toISOString();
        if (fromDatabase) step.calendarProvisional = isProvisionalBetween(escalationCalendar, now, deadline - 1);
        this.emit(step, 'escalate', 'open', { actorId: 'system', reason: 'deadline lapsed' });
        continue;
      }
      const lapse =
        spec.deadline.onLapse === 'escalate' ? (spec.deadline.afterEscalation ?? 'expire') : spec.deadline.onLapse;
      step.state = lapseState[lapse];
      step.closedAt = new Date(now).toISOString();
      step.closedBy = { actorId: 'system', kind: 'deadline', reason: 'deadline lapsed' };
      this.emit(step, 'lapse', 'open', { actorId: 'system', reason: 'deadline lapsed' });
    }
    if (this.current === step) this.current = undefined;
    const outcome = step.state as StepOutcome;
    // The caller opens the next step at once; its opening releases these events (see `heldClose`).
    if (leadsOn?.(outcome)) return { outcome, step };
    if (this.heldClose?.stepId === step.stepId) this.heldClose = undefined;
    const last = this.emitted;
    await condition(() => this.projected >= last);
    return { outcome, step };
  }

  /**
   * Hands the next step a calendar the owner's own activity loaded moments ago (`stepCalendarSnapshot`, e.g. with the
   * admission pre-check), as if this flow had loaded it now: that step then runs no local activity of its own for
   * it. It counts only for a workflow that reuses calendars (revision 2 on), and only if the snapshot is of this
   * flow's district and covers the year now and the next; otherwise the step loads its own, as before.
   */
  useCalendar(snapshot: WorkingDayCalendarSnapshot): void {
    const at = this.now();
    const [year, next] = calendarYearsFrom(at);
    const covers = (wanted: number) => snapshot.years.some((arrangement) => arrangement.year === wanted);
    if (snapshot.districtCode !== this.subject.districtCode || !covers(year) || !covers(next)) return;
    this.loadedCalendar = { year, at, calendar: calendarFromSnapshot(snapshot) };
  }

  /** The district's calendar for the year of `at` (China time) and the next, from the database, via an activity. */
  private async loadCalendar(at: number): Promise<WorkingDayCalendar> {
    const years = calendarYearsFrom(at);
    const [year] = years;
    const loaded = this.loadedCalendar;
    if (
      loaded?.year === year &&
      at - loaded.at < calendarReuseMs &&
      startedAtRevision({ workflowRevision: this.options.workflowRevision }, calendarReuseRevision)
    ) {
      return loaded.calendar;
    }
    const { loadWorkingDayCalendar } = this.takesPatch(localProjectionPatch)
      ? proxyLocalActivities<WorkingDayCalendarActivities>(localActivityOptions)
      : proxyActivities<WorkingDayCalendarActivities>({ startToCloseTimeout: '30s' });
    const snapshot = await loadWorkingDayCalendar({
      districtCode: this.subject.districtCode,
      years,
    });
    const calendar = calendarFromSnapshot(snapshot);
    this.loadedCalendar = { year, at, calendar };
    return calendar;
  }

  private stepFor(action: ApprovalAction): ApprovalStepStatus | undefined {
    if (action.stepId) return this.steps.find((step) => step.stepId === action.stepId);
    return this.current ?? this.steps[this.steps.length - 1];
  }

  private apply(step: ApprovalStepStatus, action: ApprovalAction, slot: ReviewerSlot | undefined): number {
    const before = step.state;
    const at = new Date(this.now()).toISOString();
    const actorRole = slot?.role ?? action.actor.roles[0];
    switch (action.kind) {
      case 'approve':
      case 'reject':
      case 'return': {
        slot!.decision = {
          kind: action.kind,
          actorId: action.actor.userId,
          ...(actorRole ? { actorRole } : {}),
          ...(action.reason ? { reason: action.reason } : {}),
          ...(action.comment ? { comment: action.comment } : {}),
          at,
        };
        const outcome = completionOutcome(step);
        if (outcome) this.close(step, outcome, action, at);
        break;
      }
      case 'answer':
        // Settles the slot only: an answer never completes the step (no completion rule counts it).
        slot!.decision = {
          kind: 'answer',
          actorId: action.actor.userId,
          ...(actorRole ? { actorRole } : {}),
          ...(action.comment ? { comment: action.comment } : {}),
          at,
        };
        break;
      case 'withdraw':
        this.close(step, 'withdrawn', action, at);
        break;
      case 'transfer':
        slot!.transferredFrom = [...(slot!.transferredFrom ?? []), action.actor.userId];
        slot!.userId = action.targetUserId;
        break;
      case 'add-reviewer':
        step.slots.push({
          slotId: `added-${this.emitted + 1}`,
          userId: action.targetUserId!,
          ...(action.targetRole ? { role: action.targetRole } : {}),
          addedBy: action.actor.userId,
        });
        break;
      case 'copy':
        step.watchers.push(action.targetUserId!);
        break;
      case 'remind':
        step.reminders += 1;
        break;
    }
    return this.emit(step, action.kind, before, {
      actorId: action.actor.userId,
      ...(actorRole ? { actorRole } : {}),
      ...(action.reason ? { reason: action.reason } : {}),
      ...(action.comment ? { comment: action.comment } : {}),
      ...(action.targetUserId ? { targetUserId: action.targetUserId } : {}),
    });
  }

  private close(step: ApprovalStepStatus, outcome: StepOutcome, action: ApprovalAction, at: string): void {
    step.state = outcome;
    step.closedAt = at;
    step.closedBy = {
      actorId: action.actor.userId,
      kind: action.kind,
      ...(action.reason ? { reason: action.reason } : {}),
    };
  }

  private emit(
    step: ApprovalStepStatus,
    action: ApprovalEventAction,
    stateBefore: ApprovalStepStatus['state'],
    details: Pick<ApprovalEvent, 'actorId'> &
      Partial<Pick<ApprovalEvent, 'actorRole' | 'reason' | 'comment' | 'targetUserId'>>,
  ): number {
    this.emitted += 1;
    this.pending.push({
      subject: this.subject,
      sequence: this.emitted,
      stepId: step.stepId,
      action,
      ...details,
      at: new Date(this.now()).toISOString(),
      stateBefore,
      stateAfter: step.state,
      // A snapshot: later changes of the step must not alter an event waiting to be projected.
      step: JSON.parse(JSON.stringify(step)) as ApprovalStepStatus,
    });
    if (!this.pumping) {
      this.pumping = true;
      void this.pump();
    }
    return this.emitted;
  }

  /**
   * Stores every event not yet stored by the owner's `effect`, a local activity that writes them in the transaction
   * of its own work (`approvalEventsRecorder`), instead of by the kit's projection activity: the closing events a
   * step held for it (`holdClose`, `holdLastClose`) and any before them. The Updates waiting on those events are
   * answered once it succeeds. If it fails, the kit stores them itself, as it would have, and the failure is thrown.
   * One local activity where there were two (decision 0012, revision 5). A workflow recorded before it used neither
   * this nor the holds that lead to it, and must not start to: its history has the kit's projection activity there.
   */
  async projectWith<T>(effect: (events: ApprovalEvent[]) => Promise<T>): Promise<T> {
    if (this.storing) await condition(() => !this.storing);
    const events = this.pending.splice(0);
    this.heldClose = undefined;
    this.storing = true;
    try {
      const result = await effect(events);
      this.projected += events.length;
      return result;
    } catch (error) {
      this.pending.unshift(...events);
      throw error;
    } finally {
      this.storing = false;
      if (this.pending.length > 0 && !this.pumping) {
        this.pumping = true;
        void this.pump();
      }
    }
  }

  /** Whether a pending event closes the held step with an outcome that leads on to a step not yet open. */
  private get closeIsHeld(): boolean {
    const held = this.heldClose;
    return (
      held !== undefined &&
      this.pending.some(
        (event) => event.stepId === held.stepId && event.stateAfter !== 'open' && held.leadsOn(event.stateAfter),
      )
    );
  }

  private async pump(): Promise<void> {
    this.batchedProjection ??= this.takesPatch(localProjectionPatch);
    if (!this.batchedProjection) {
      while (this.pending.length > 0) {
        await this.options.project(this.pending[0]);
        this.pending.shift();
        this.projected += 1;
      }
      this.pumping = false;
      return;
    }
    const { projectApprovalEvents } = proxyLocalActivities<BatchProjectionActivities>(localActivityOptions);
    // The Updates delivered in one activation start their handlers one after another before any of them
    // resumes: one turn of the microtask queue lets every one of them apply, so they join this batch.
    await Promise.resolve();
    while (this.pending.length > 0) {
      if (this.closeIsHeld) await condition(() => !this.closeIsHeld);
      // An owner's effect (`projectWith`) may have taken the held events, or be storing them still: its events are
      // not this pump's, and what came after them is stored after them.
      if (this.storing) await condition(() => !this.storing);
      if (this.pending.length === 0) break;
      const batch = this.pending.slice();
      this.storing = true;
      await projectApprovalEvents(batch);
      this.pending.splice(0, batch.length);
      this.projected += batch.length;
      this.storing = false;
    }
    this.pumping = false;
  }
}

/** Rules that hold whatever step the action will meet, so an early action is not accepted only to fail later. */
function validateStepIndependentRules(action: ApprovalAction): void {
  if ((action.kind === 'reject' || action.kind === 'return') && !action.reason?.trim()) {
    throw new ApprovalRefusal('approval.reason-required', `A ${action.kind} needs a reason`);
  }
  if (['transfer', 'add-reviewer', 'copy'].includes(action.kind) && !action.targetUserId?.trim()) {
    throw new ApprovalRefusal('approval.target-required', `${action.kind} needs a targetUserId`);
  }
}

/** Raises a refusal as the ApplicationFailure typed by its code, which is what the Update's caller sees. */
function refusalsAsFailures(check: () => void): void {
  try {
    check();
  } catch (error) {
    if (error instanceof ApprovalRefusal) {
      throw ApplicationFailure.create({ type: error.code, message: error.message, nonRetryable: true });
    }
    throw error;
  }
}
