import type { ApprovalStepStatus } from '@jianfu/approvals/workflow';
import type { CatalogueItem } from '../../../catalogue/domain/catalogue-item.js';
import type { Submission } from '../../domain/submission.js';

/** The submission's money against the catalogue standard, as the pre-check judges it (funding-standard rule). */
export interface FundingCheck {
  fundingPerCommunityFen: number;
  /** The catalogue item's standard per community and period; null without an item. */
  standardFen: number | null;
  /** Null without an item, or for one-off work (the standard binds recurring work). */
  meetsStandard: boolean | null;
  unfunded: boolean;
  /** The communities found at the last pre-check; null before it. */
  communityCount: number | null;
  totalFen: number | null;
}

export interface ConsultationOpinion {
  communityId: string;
  slotId: string;
  answered: boolean;
  decision: 'approve' | 'reject' | 'return' | null;
  actorId: string | null;
  comment: string | null;
  reason: string | null;
  at: string | null;
}

/** How far the communities' consultation (征求意见) of the latest round has come, with each community's opinion. */
export interface ConsultationProgress {
  round: number;
  stepId: string;
  status: string;
  completion: string;
  communityCount: number;
  answered: number;
  approved: number;
  rejected: number;
  deadlineAt: string | null;
  opinions: ConsultationOpinion[];
}

export function fundingCheck(submission: Submission, item: CatalogueItem | null): FundingCheck {
  const communityCount = submission.precheck ? submission.targetCommunityIds.length : null;
  const standardFen = item?.fundingStandardFen ?? null;
  return {
    fundingPerCommunityFen: submission.fundingPerCommunityFen,
    standardFen,
    meetsStandard:
      standardFen === null || submission.recurrence !== 'recurring'
        ? null
        : submission.fundingPerCommunityFen >= standardFen,
    unfunded: submission.unfunded,
    communityCount,
    totalFen: communityCount === null ? null : communityCount * submission.fundingPerCommunityFen,
  };
}

/** From the audit trail: the consultation step of the latest round as its last change left it. */
export function consultationProgress(step: ApprovalStepStatus | null): ConsultationProgress | null {
  if (!step) return null;
  const slots = step.slots.filter((slot) => slot.slotId.startsWith('community-'));
  const opinions = slots.map((slot): ConsultationOpinion => {
    const scoped = slot.scope?.level === 'community' ? slot.scope.communityIds[0] : undefined;
    return {
      communityId: scoped ?? slot.scopeRef ?? slot.slotId.slice('community-'.length),
      slotId: slot.slotId,
      answered: slot.decision !== undefined,
      // Consultation steps take no kit `answer`: their communities approve or reject.
      decision: slot.decision && slot.decision.kind !== 'answer' ? slot.decision.kind : null,
      actorId: slot.decision?.actorId ?? null,
      comment: slot.decision?.comment ?? null,
      reason: slot.decision?.reason ?? null,
      at: slot.decision?.at ?? null,
    };
  });
  const { completion } = step;
  return {
    round: Number(step.stepId.slice('consultation-'.length)),
    stepId: step.stepId,
    status: step.state,
    completion: completion.rule === 'ratio' ? `ratio:${completion.ratio}` : completion.rule,
    communityCount: opinions.length,
    answered: opinions.filter((opinion) => opinion.answered).length,
    approved: opinions.filter((opinion) => opinion.decision === 'approve').length,
    rejected: opinions.filter((opinion) => opinion.decision === 'reject').length,
    deadlineAt: step.deadlineAt ?? null,
    opinions,
  };
}
