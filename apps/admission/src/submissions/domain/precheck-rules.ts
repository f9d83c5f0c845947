/**
 * The automatic pre-check (预审) of a submission: named rules, each with a reason code. What a failing
 * rule does is configured per rule: return the submission for amendment, reject it, or only flag it
 * for the reviewers. Pure code: the activity loads the facts, these rules judge them.
 */
export type PrecheckRuleName =
  | 'legal-basis'
  | 'funding-required'
  | 'funding-standard'
  | 'budget-available'
  | 'evaluation-cap'
  | 'duplicate'
  | 'communities-exist'
  | 'ledgers-allowed'
  | 'power-item-active';

export type PrecheckSeverity = 'return' | 'reject' | 'flag' | 'off';

export type PrecheckPolicy = Record<PrecheckRuleName, PrecheckSeverity>;

export const defaultPrecheckPolicy: PrecheckPolicy = {
  'legal-basis': 'return',
  'funding-required': 'return',
  'funding-standard': 'return',
  'budget-available': 'return',
  'evaluation-cap': 'reject',
  duplicate: 'flag',
  'communities-exist': 'return',
  'ledgers-allowed': 'return',
  'power-item-active': 'reject',
};

/** Every code a pre-check finding may carry (findings of rounds, not problem+json codes). */
export const precheckFindingCodes = [
  'precheck.catalogue-item-unknown',
  'precheck.legal-basis-missing',
  'precheck.catalogue-standard-zero',
  'precheck.unfunded-recurring',
  'precheck.funding-missing',
  'precheck.funding-below-standard',
  'precheck.funding-undeclared',
  'precheck.budget-missing',
  'precheck.budget-insufficient',
  'precheck.evaluation-cap',
  'precheck.duplicate',
  'precheck.no-target-communities',
  'precheck.unknown-communities',
  'precheck.ledger-not-allowed',
  'precheck.power-item-cancelled',
  'precheck.power-item-unknown',
] as const;

export type PrecheckFindingCode = (typeof precheckFindingCodes)[number];

export interface PrecheckFinding {
  rule: PrecheckRuleName;
  code: PrecheckFindingCode;
  severity: Exclude<PrecheckSeverity, 'off'>;
  message: string;
}

/** The budget the task would draw on, as admission knows it from finance's `BudgetSet` events. */
export interface PrecheckBudget {
  year: number;
  /** null: finance has announced no budget of the department for that year. */
  approvedFen: number | null;
  /** Promised to tasks admitted against that year and not failed (what finance holds or has paid). */
  committedFen: number;
  availableFen: number | null;
  /** What this submission would take: its funding per community times the communities found. */
  requiredFen: number;
}

export interface PrecheckResult {
  outcome: 'pass' | 'return' | 'reject';
  findings: PrecheckFinding[];
  catalogueVersion: number | null;
  /** The department budget year the task is charged to (absent in results recorded before it existed). */
  budgetYear?: number;
  budget?: PrecheckBudget;
  /** The version of the district's review policy (cap and severities) applied (absent before policies). */
  policyVersion?: number;
}

export interface CatalogueItemFacts {
  code: string;
  name: string;
  fundingStandardFen: number;
  allowedLedgers: string[];
  evaluationAllowed: boolean;
}

export interface PrecheckFacts {
  submission: {
    legalBasis: string | null;
    catalogueItemCode: string | null;
    /** Absent in content saved before the power-item register. */
    powerItemCode?: string | null;
    recurrence: 'one-off' | 'recurring';
    fundingPerCommunityFen: number;
    /** One-off work the department declared unfunded (无经费事项); its funding is 0. */
    unfunded: boolean;
    budgetYear: number;
    requiredLedgers: string[];
    evaluation: string | null;
    targetCommunityIds: string[];
  };
  catalogueVersion: number | null;
  /** The department's budget for `budgetYear` as admission knows it; null when finance announced none. */
  budget: { approvedFen: number; committedFen: number } | null;
  /** The catalogue item named by the submission, in the version checked against; null when absent. */
  catalogueItem: CatalogueItemFacts | null;
  /**
   * The power item the submission cites, in its department's current register (权力清单); null when it cites none
   * or the register has no such item.
   */
  powerItem?: { code: string; status: string; decisionDocument: string | null; version: number } | null;
  /** Target communities found in the community directory of the submission's district. */
  knownCommunityIds: string[];
  /** Evaluation/ranking items in force: catalogue items allowing one plus admitted tasks carrying one. */
  evaluationItemsInForce: number;
  evaluationCap: number;
  /** Titles of admitted tasks that this submission repeats (same catalogue item and department, or same title). */
  duplicateOf: string[];
}

export function runPrecheck(facts: PrecheckFacts, policy: PrecheckPolicy): PrecheckResult {
  const findings: PrecheckFinding[] = [];
  const add = (rule: PrecheckRuleName, code: PrecheckFindingCode, message: string) => {
    const severity = policy[rule];
    if (severity !== 'off') findings.push({ rule, code, severity, message });
  };
  const { submission, catalogueItem } = facts;

  if (submission.catalogueItemCode && !catalogueItem) {
    add(
      'legal-basis',
      'precheck.catalogue-item-unknown',
      `准入清单第${facts.catalogueVersion ?? '-'}版中没有事项 ${submission.catalogueItemCode}`,
    );
  } else if (!catalogueItem && !submission.legalBasis?.trim()) {
    add('legal-basis', 'precheck.legal-basis-missing', '既无法律法规依据，也未对应准入清单事项');
  }

  // 费随事转: recurring work always carries money, at or above the catalogue standard, which itself must
  // be a real figure; one-off work carries money unless the department declares it unfunded.
  const funding = submission.fundingPerCommunityFen;
  if (submission.recurrence === 'recurring') {
    const standard = catalogueItem?.fundingStandardFen ?? null;
    if (standard === 0) {
      add(
        'funding-required',
        'precheck.catalogue-standard-zero',
        `清单事项 ${catalogueItem!.code} 未定经费标准（0 分），不能作为常态化工作准入`,
      );
    }
    if (submission.unfunded) {
      add('funding-required', 'precheck.unfunded-recurring', '常态化工作不能声明为无经费事项（费随事转）');
    } else if (funding === 0) {
      add('funding-required', 'precheck.funding-missing', '常态化工作必须随附经费（费随事转）');
    } else if (standard !== null && funding < standard) {
      add(
        'funding-standard',
        'precheck.funding-below-standard',
        `常态化工作每社区经费 ${funding} 分，低于清单标准 ${standard} 分`,
      );
    }
  } else if (funding === 0 && !submission.unfunded) {
    add(
      'funding-required',
      'precheck.funding-undeclared',
      '一次性工作未列经费：须列明每社区经费，或声明为无经费事项（unfunded）',
    );
  }

  const known = new Set(facts.knownCommunityIds);
  const requiredFen = funding * submission.targetCommunityIds.filter((id) => known.has(id)).length;
  const budget: PrecheckBudget = {
    year: submission.budgetYear,
    approvedFen: facts.budget?.approvedFen ?? null,
    committedFen: facts.budget?.committedFen ?? 0,
    availableFen: facts.budget ? facts.budget.approvedFen - facts.budget.committedFen : null,
    requiredFen,
  };
  if (requiredFen > 0) {
    if (budget.availableFen === null) {
      add(
        'budget-available',
        'precheck.budget-missing',
        `本部门没有 ${submission.budgetYear} 年度预算，无法列支本事项经费`,
      );
    } else if (budget.availableFen < requiredFen) {
      add(
        'budget-available',
        'precheck.budget-insufficient',
        `本部门 ${submission.budgetYear} 年度预算可用 ${budget.availableFen} 分，不足本事项所需 ${requiredFen} 分`,
      );
    }
  }

  if (submission.evaluation?.trim() && !catalogueItem?.evaluationAllowed) {
    if (facts.evaluationItemsInForce >= facts.evaluationCap) {
      add('evaluation-cap', 'precheck.evaluation-cap', `考核评比事项已达上限 ${facts.evaluationCap} 项，不得新增`);
    }
  }

  if (facts.duplicateOf.length > 0) {
    add('duplicate', 'precheck.duplicate', `与已准入事项重复：${facts.duplicateOf.join('、')}`);
  }

  const unknown = submission.targetCommunityIds.filter((id) => !known.has(id));
  if (submission.targetCommunityIds.length === 0) {
    add('communities-exist', 'precheck.no-target-communities', '没有可下达的社区');
  } else if (unknown.length > 0) {
    add('communities-exist', 'precheck.unknown-communities', `社区不存在：${unknown.join(', ')}`);
  }

  if (catalogueItem) {
    const allowed = new Set(catalogueItem.allowedLedgers);
    const extra = submission.requiredLedgers.filter((ledger) => !allowed.has(ledger));
    if (extra.length > 0) {
      add('ledgers-allowed', 'precheck.ledger-not-allowed', `清单事项未允许的台账：${extra.join('、')}`);
    }
  }

  // 区级部门行政权力事项取消65项 (seed 002): work resting on a cancelled power item has no basis left.
  if (submission.powerItemCode) {
    const item = facts.powerItem ?? null;
    if (!item) {
      add('power-item-active', 'precheck.power-item-unknown', `本部门权力清单中没有事项 ${submission.powerItemCode}`);
    } else if (item.status === 'cancelled') {
      add(
        'power-item-active',
        'precheck.power-item-cancelled',
        `权力事项 ${item.code} 已取消（${item.decisionDocument ?? '权力清单第' + item.version + '版'}），不得据此向社区派任务`,
      );
    }
  }

  const outcome = findings.some((f) => f.severity === 'reject')
    ? 'reject'
    : findings.some((f) => f.severity === 'return')
      ? 'return'
      : 'pass';
  return { outcome, findings, catalogueVersion: facts.catalogueVersion, budgetYear: submission.budgetYear, budget };
}

/**
 * 费随事转 admits no work whose money can never arrive: a task that passes the pre-check either carries
 * money for every community or is one-off work declared unfunded. So this rule may return or reject, never
 * only flag or be off.
 */
const mandatoryRules: Partial<Record<PrecheckRuleName, PrecheckSeverity[]>> = {
  'funding-required': ['return', 'reject'],
};

/** Parses `rule=severity,rule=severity` (the PRECHECK_RULES setting) over the defaults. */
export function parsePrecheckPolicy(setting: string | undefined): PrecheckPolicy {
  const policy = { ...defaultPrecheckPolicy };
  for (const part of (setting ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [rule, severity] = part.split('=').map((p) => p.trim());
    if (!(rule in policy)) throw new Error(`Unknown pre-check rule ${rule}`);
    if (!['return', 'reject', 'flag', 'off'].includes(severity)) throw new Error(`Unknown severity ${severity}`);
    const allowed = mandatoryRules[rule as PrecheckRuleName];
    if (allowed && !allowed.includes(severity as PrecheckSeverity)) {
      throw new Error(`Pre-check rule ${rule} may only be ${allowed.join(' or ')}`);
    }
    policy[rule as PrecheckRuleName] = severity as PrecheckSeverity;
  }
  return policy;
}
