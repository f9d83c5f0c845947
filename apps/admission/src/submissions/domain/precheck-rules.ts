/**
 * The automatic pre-check (预审) of a submission: named rules, each with a reason code. What a failing
 * rule does is configured per rule: return the submission for amendment, reject it, or only flag it
 * for the reviewers. Pure code: the activity loads the facts, these rules judge them.
 */
export type PrecheckRuleName =
  'legal-basis' | 'funding-standard' | 'evaluation-cap' | 'duplicate' | 'communities-exist' | 'ledgers-allowed';

export type PrecheckSeverity = 'return' | 'reject' | 'flag' | 'off';

export type PrecheckPolicy = Record<PrecheckRuleName, PrecheckSeverity>;

export const defaultPrecheckPolicy: PrecheckPolicy = {
  'legal-basis': 'return',
  'funding-standard': 'return',
  'evaluation-cap': 'reject',
  duplicate: 'flag',
  'communities-exist': 'return',
  'ledgers-allowed': 'return',
};

export interface PrecheckFinding {
  rule: PrecheckRuleName;
  code: string;
  severity: Exclude<PrecheckSeverity, 'off'>;
  message: string;
}

export interface PrecheckResult {
  outcome: 'pass' | 'return' | 'reject';
  findings: PrecheckFinding[];
  catalogueVersion: number | null;
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
    recurrence: 'one-off' | 'recurring';
    fundingPerCommunityFen: number;
    requiredLedgers: string[];
    evaluation: string | null;
    targetCommunityIds: string[];
  };
  catalogueVersion: number | null;
  /** The catalogue item named by the submission, in the version checked against; null when absent. */
  catalogueItem: CatalogueItemFacts | null;
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
  const add = (rule: PrecheckRuleName, code: string, message: string) => {
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

  if (submission.recurrence === 'recurring') {
    const standard = catalogueItem?.fundingStandardFen ?? 1;
    if (submission.fundingPerCommunityFen < standard) {
      add(
        'funding-standard',
        catalogueItem ? 'precheck.funding-below-standard' : 'precheck.funding-missing',
        catalogueItem
          ? `常态化工作每社区经费 ${submission.fundingPerCommunityFen} 分，低于清单标准 ${standard} 分`
          : '常态化工作必须随附经费（费随事转）',
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

  const known = new Set(facts.knownCommunityIds);
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

  const outcome = findings.some((f) => f.severity === 'reject')
    ? 'reject'
    : findings.some((f) => f.severity === 'return')
      ? 'return'
      : 'pass';
  return { outcome, findings, catalogueVersion: facts.catalogueVersion };
}

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
    policy[rule as PrecheckRuleName] = severity as PrecheckSeverity;
  }
  return policy;
}
