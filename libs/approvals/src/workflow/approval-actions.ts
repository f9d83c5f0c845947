/** The vocabulary every approval in the platform speaks, whichever service owns it. */
export const approvalActionKinds = [
  'approve',
  'reject',
  'return',
  'withdraw',
  'transfer',
  'add-reviewer',
  'copy',
  'remind',
] as const;

/**
 * 'answer': a party asked for its opinion (征求意见) has answered. It settles that party's slot (its 待办 item is done)
 * without counting for or against the step, which only its deadline or a withdrawal closes. The owning service sends
 * it from its own answer route with the answer itself in `comment`; `POST …/actions` takes `approvalActionKinds`.
 */
export const stepActionKinds = [...approvalActionKinds, 'answer'] as const;

export type ApprovalActionKind = (typeof stepActionKinds)[number];

/** Actions that settle a reviewer slot by deciding; the others change who takes part or nudge them. */
export const decisionKinds: readonly ApprovalActionKind[] = ['approve', 'reject', 'return'];

/** Where an actor stands: its token's organisation scope (the platform's OrganisationScope, restated bundle-safe). */
export interface ApprovalActorScope {
  districtCode: string;
  streetCodes?: string[];
  communityIds?: string[];
  departmentId?: string;
}

export interface ApprovalActor {
  userId: string;
  roles: string[];
  /** The units the actor's scope names (community ids, street codes, a department id), for `scopeRef` slots. */
  scopeRefs?: string[];
  /** The actor's organisation scope, matched against a slot's `scope`; without it no scoped slot is reached. */
  scope?: ApprovalActorScope;
  name?: string;
}

export interface ApprovalAction {
  kind: ApprovalActionKind;
  actor: ApprovalActor;
  /** The step acted on; the open step when absent. */
  stepId?: string;
  /** The reviewer slot the actor acts in; the first open slot the actor matches when absent. */
  slotId?: string;
  reason?: string;
  targetUserId?: string;
  targetRole?: string;
  comment?: string;
}

/**
 * Where the holder of a slot must stand, always inside the subject's district:
 * - `district`: a district-wide holder (its token names no street and no community);
 * - `street`: a holder whose token names every listed street;
 * - `community`: a holder whose token names every listed community;
 * - `department`: a holder whose token names the department.
 * A level is exact, not "at or above": a slot that a street or the district may hold is two slots.
 */
export type SlotScope =
  | { level: 'district' }
  | { level: 'street'; streetCodes: string[] }
  | { level: 'community'; communityIds: string[] }
  | { level: 'department'; departmentId: string };

/**
 * A place for one reviewer's decision: a named user and/or anyone with a role, within an organisation scope.
 * A slot without `scope` is open to every holder of its role (or its user) in the district: use it only for
 * roles that are district-wide by nature. `scopeRef` is the older single-unit form (the actor's scope must
 * name that unit), kept so recorded workflows replay; new slots use `scope`.
 */
export interface ReviewerSlotSpec {
  slotId: string;
  userId?: string;
  role?: string;
  scope?: SlotScope;
  scopeRef?: string;
  label?: string;
}

export interface SlotDecision {
  /** `answer`: the slot's party answered (征求意见); it neither approves nor rejects. */
  kind: 'approve' | 'reject' | 'return' | 'answer';
  actorId: string;
  actorRole?: string;
  reason?: string;
  comment?: string;
  at: string;
}

export interface ReviewerSlot extends ReviewerSlotSpec {
  decision?: SlotDecision;
  /** Set on slots added by add-reviewer or escalation. */
  addedBy?: string;
  transferredFrom?: string[];
}

export type CompletionRule = { rule: 'all' } | { rule: 'any' } | { rule: 'ratio'; ratio: number };

export type LapseOutcome = 'escalate' | 'approve' | 'reject' | 'expire';

export interface StepDeadlineSpec {
  workingDays: number;
  /** An automatic reminder this many working days after the step opens (before the deadline). */
  remindAfterWorkingDays?: number;
  onLapse: LapseOutcome;
  escalateTo?: ReviewerSlotSpec[];
  escalationWorkingDays?: number;
  afterEscalation?: Exclude<LapseOutcome, 'escalate'>;
}

export interface ApprovalStepSpec {
  stepId: string;
  name: string;
  reviewers: ReviewerSlotSpec[];
  completion: CompletionRule;
  allowedActions: readonly ApprovalActionKind[];
  maxReminders?: number;
  deadline?: StepDeadlineSpec;
  /** The submitter is the reviewer here (e.g. amending a returned submission), so self-decision is allowed. */
  submitterActs?: boolean;
}

export type StepState = 'open' | 'approved' | 'rejected' | 'returned' | 'withdrawn' | 'expired';
export type StepOutcome = Exclude<StepState, 'open'>;

export interface ApprovalStepStatus {
  stepId: string;
  name: string;
  state: StepState;
  completion: CompletionRule;
  allowedActions: readonly ApprovalActionKind[];
  slots: ReviewerSlot[];
  watchers: string[];
  /** Reminders sent by people; these count against maxReminders. */
  reminders: number;
  /** Reminders sent by the deadline timer; shown in the inbox with the others, never limited. */
  autoReminders?: number;
  maxReminders: number;
  openedAt: string;
  deadlineAt?: string;
  /**
   * True when the deadline runs through a year whose 调休 arrangement was not loaded when it was computed:
   * counted by the statutory days only, so it may move by days once the arrangement is published.
   */
  calendarProvisional?: boolean;
  escalated: boolean;
  submitterActs: boolean;
  closedAt?: string;
  closedBy?: { actorId: string; kind: ApprovalActionKind | 'deadline'; reason?: string };
}

/** A refusal with a stable code; the Update validator raises it as an ApplicationFailure of that type. */
export class ApprovalRefusal extends Error {
  constructor(
    readonly code: ApprovalRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApprovalRefusal';
  }
}

export const approvalRefusalStatus = {
  'approval.step-not-open': 409,
  'approval.action-not-allowed': 409,
  'approval.wrong-actor': 403,
  'approval.out-of-scope': 403,
  'approval.self-decision': 403,
  'approval.reason-required': 400,
  'approval.target-required': 400,
  'approval.already-decided': 409,
  'approval.remind-limit': 409,
  'approval.refused': 409,
} as const;

export type ApprovalRefusalCode = keyof typeof approvalRefusalStatus;

/** Whether the slot names the actor: its user, and its role, where the slot names them. */
function slotAssignedTo(slot: ReviewerSlotSpec, actor: ApprovalActor): boolean {
  if (slot.userId && slot.userId !== actor.userId) return false;
  if (slot.role && !actor.roles.includes(slot.role)) return false;
  if (slot.scopeRef && !(actor.scopeRefs ?? []).includes(slot.scopeRef)) return false;
  return Boolean(slot.userId || slot.role);
}

/** Whether the actor's organisation scope reaches the slot's scope (in the subject's district, when known). */
export function scopeReaches(scope: SlotScope | undefined, actor: ApprovalActor, districtCode?: string): boolean {
  if (!scope) return true;
  const own = actor.scope;
  if (!own || (districtCode !== undefined && own.districtCode !== districtCode)) return false;
  const covers = (units: string[], held: string[] | undefined) =>
    units.length > 0 && units.every((unit) => (held ?? []).includes(unit));
  switch (scope.level) {
    case 'district':
      return !own.streetCodes?.length && !own.communityIds?.length;
    case 'street':
      return covers(scope.streetCodes, own.streetCodes);
    case 'community':
      return covers(scope.communityIds, own.communityIds);
    case 'department':
      return own.departmentId === scope.departmentId;
  }
}

/** The rule a slot's scope states, in words for a refusal. */
export function describeSlotScope(scope: SlotScope): string {
  switch (scope.level) {
    case 'district':
      return 'a district-wide reviewer';
    case 'street':
      return `a reviewer of street ${scope.streetCodes.join(', ')}`;
    case 'community':
      return `a reviewer of community ${scope.communityIds.join(', ')}`;
    case 'department':
      return `a reviewer of department ${scope.departmentId}`;
  }
}

export function slotMatches(slot: ReviewerSlotSpec, actor: ApprovalActor, districtCode?: string): boolean {
  return slotAssignedTo(slot, actor) && scopeReaches(slot.scope, actor, districtCode);
}

/** The slot an action acts in: the named one, or the first the actor holds (open ones first). */
export function slotFor(
  step: ApprovalStepStatus,
  action: ApprovalAction,
  districtCode?: string,
): ReviewerSlot | undefined {
  const held = step.slots.filter((slot) => slotMatches(slot, action.actor, districtCode));
  if (action.slotId) return held.find((slot) => slot.slotId === action.slotId);
  return held.find((slot) => !slot.decision) ?? held[0];
}

/**
 * Refuses an actor who holds no open slot: `approval.out-of-scope` when an open slot names its role (or user)
 * but its organisation scope does not reach the slot's, `approval.wrong-actor` otherwise.
 */
function refuseNonHolder(step: ApprovalStepStatus, action: ApprovalAction, context: ActionContext): never {
  const outside = step.slots.find(
    (slot) =>
      !slot.decision &&
      slot.scope &&
      (!action.slotId || slot.slotId === action.slotId) &&
      slotAssignedTo(slot, action.actor) &&
      !scopeReaches(slot.scope, action.actor, context.districtCode),
  );
  if (outside?.scope) {
    throw new ApprovalRefusal(
      'approval.out-of-scope',
      `Step ${step.name} is held by ${describeSlotScope(outside.scope)}${
        context.districtCode ? ` of district ${context.districtCode}` : ''
      }; your organisation scope does not reach it`,
    );
  }
  throw new ApprovalRefusal('approval.wrong-actor', `You hold no open reviewer slot in step ${step.name}`);
}

export interface ActionContext {
  submitterId: string;
  /** The subject's district: a scoped slot is reached only by an actor of this district. */
  districtCode?: string;
}

export type ActionVerdict = { effect: 'apply'; slot?: ReviewerSlot } | { effect: 'duplicate'; slot?: ReviewerSlot };

/**
 * Whether an action may act on a step, as a pure rule: a wrong actor or a wrong state is refused with a
 * reason; a decision the actor already took is a duplicate (one effect), not an error.
 */
export function validateApprovalAction(
  step: ApprovalStepStatus | undefined,
  action: ApprovalAction,
  context: ActionContext,
): ActionVerdict {
  if (!step) throw new ApprovalRefusal('approval.step-not-open', 'No approval step is open for this action');
  const isSubmitter = action.actor.userId === context.submitterId;
  const slot = slotFor(step, action, context.districtCode);

  if (decisionKinds.includes(action.kind) && slot?.decision) {
    const same = slot.decision.kind === action.kind && slot.decision.actorId === action.actor.userId;
    if (same) return { effect: 'duplicate', slot };
  }
  // A party answers once as far as the step goes: its corrections are the owning service's records.
  if (action.kind === 'answer' && slot?.decision?.kind === 'answer') return { effect: 'duplicate', slot };
  if (step.state !== 'open') {
    if (action.kind === 'withdraw' && step.state === 'withdrawn' && step.closedBy?.actorId === action.actor.userId) {
      return { effect: 'duplicate' };
    }
    throw new ApprovalRefusal('approval.step-not-open', `Step ${step.name} is already ${step.state}`);
  }
  if (!step.allowedActions.includes(action.kind)) {
    throw new ApprovalRefusal('approval.action-not-allowed', `${action.kind} is not allowed in step ${step.name}`);
  }

  switch (action.kind) {
    case 'approve':
    case 'reject':
    case 'return': {
      if (isSubmitter && !step.submitterActs) {
        throw new ApprovalRefusal('approval.self-decision', 'The submitter may not decide on their own submission');
      }
      if (!slot) refuseNonHolder(step, action, context);
      if (slot.decision) {
        throw new ApprovalRefusal(
          'approval.already-decided',
          `This reviewer slot was already decided (${slot.decision.kind})`,
        );
      }
      if (action.kind !== 'approve' && !action.reason?.trim()) {
        throw new ApprovalRefusal('approval.reason-required', `A ${action.kind} needs a reason`);
      }
      return { effect: 'apply', slot };
    }
    case 'answer': {
      if (isSubmitter && !step.submitterActs) {
        throw new ApprovalRefusal('approval.self-decision', 'The submitter may not answer their own request');
      }
      if (!slot) refuseNonHolder(step, action, context);
      if (slot.decision) {
        throw new ApprovalRefusal(
          'approval.already-decided',
          `This reviewer slot was already decided (${slot.decision.kind})`,
        );
      }
      return { effect: 'apply', slot };
    }
    case 'withdraw':
      if (!isSubmitter) throw new ApprovalRefusal('approval.wrong-actor', 'Only the submitter may withdraw');
      return { effect: 'apply' };
    case 'transfer':
    case 'add-reviewer': {
      if (!slot || slot.decision) refuseNonHolder(step, action, context);
      if (!action.targetUserId?.trim()) {
        throw new ApprovalRefusal('approval.target-required', `${action.kind} needs a targetUserId`);
      }
      if (action.targetUserId === context.submitterId) {
        throw new ApprovalRefusal('approval.self-decision', 'The submitter may not review their own submission');
      }
      const alreadyHolds = step.slots.some((s) => s.userId === action.targetUserId && !s.decision);
      if (alreadyHolds) {
        throw new ApprovalRefusal('approval.target-required', `${action.targetUserId} already reviews this step`);
      }
      return { effect: 'apply', slot };
    }
    case 'copy': {
      const participant = isSubmitter || Boolean(slot);
      if (!participant) throw new ApprovalRefusal('approval.wrong-actor', 'Only participants may copy others in');
      if (!action.targetUserId?.trim())
        throw new ApprovalRefusal('approval.target-required', 'copy needs a targetUserId');
      if (step.watchers.includes(action.targetUserId)) return { effect: 'duplicate' };
      return { effect: 'apply' };
    }
    case 'remind': {
      const participant = isSubmitter || Boolean(slot) || step.watchers.includes(action.actor.userId);
      if (!participant) throw new ApprovalRefusal('approval.wrong-actor', 'Only participants may send a reminder');
      if (step.reminders >= step.maxReminders) {
        throw new ApprovalRefusal('approval.remind-limit', `At most ${step.maxReminders} reminders per step`);
      }
      return { effect: 'apply' };
    }
  }
}

/** The step's outcome under its completion rule once the slots' decisions are in, or undefined while open. */
export function completionOutcome(step: ApprovalStepStatus): 'approved' | 'rejected' | 'returned' | undefined {
  const decisions = step.slots.map((slot) => slot.decision?.kind);
  if (decisions.includes('return')) return 'returned';
  const total = step.slots.length;
  const approvals = decisions.filter((kind) => kind === 'approve').length;
  const rejections = decisions.filter((kind) => kind === 'reject').length;
  // 或签: whoever decides first decides for the step.
  if (step.completion.rule === 'any') return approvals > 0 ? 'approved' : rejections > 0 ? 'rejected' : undefined;
  const needed = step.completion.rule === 'all' ? total : Math.max(1, Math.ceil(step.completion.ratio * total - 1e-9));
  if (approvals >= needed) return 'approved';
  if (total - rejections < needed) return 'rejected';
  return undefined;
}
