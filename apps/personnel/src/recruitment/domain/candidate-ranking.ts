/** A candidate still in the running, with scores in tenths of a point (scores carry one decimal). */
export interface RankableCandidate {
  applicationId: string;
  communityId: string;
  candidateNo: string;
  appliedAt: string;
  writtenTenths: number;
  interviewTenths: number;
}

export interface RankedCandidate extends RankableCandidate {
  /** The weighted total in thousandths of a point, so the weighting is exact. */
  totalThousandths: number;
  /** 1 is best, per community applied for. */
  rank: number;
  proposed: boolean;
}

export function toTenths(score: number): number {
  return Math.round(score * 10);
}

/** total = written × w% + interview × (100 − w)%. */
export function totalThousandths(candidate: RankableCandidate, writtenWeightPercent: number): number {
  return candidate.writtenTenths * writtenWeightPercent + candidate.interviewTenths * (100 - writtenWeightPercent);
}

/**
 * The order of candidates for one community's places. Ties are broken, in order, by: the higher interview
 * score, the higher written score, the earlier application, the lower candidate number (准考证号).
 */
export function compareCandidates(a: RankedCandidate, b: RankedCandidate): number {
  return (
    b.totalThousandths - a.totalThousandths ||
    b.interviewTenths - a.interviewTenths ||
    b.writtenTenths - a.writtenTenths ||
    a.appliedAt.localeCompare(b.appliedAt) ||
    a.candidateNo.localeCompare(b.candidateNo)
  );
}

/** Ranks candidates per community and proposes the best of each for that community's places. */
export function rankCandidates(
  candidates: RankableCandidate[],
  writtenWeightPercent: number,
  placesByCommunity: Map<string, number>,
): RankedCandidate[] {
  const scored = candidates.map((candidate) => ({
    ...candidate,
    totalThousandths: totalThousandths(candidate, writtenWeightPercent),
    rank: 0,
    proposed: false,
  }));
  const ranked: RankedCandidate[] = [];
  for (const communityId of [...new Set(scored.map((candidate) => candidate.communityId))]) {
    const places = placesByCommunity.get(communityId) ?? 0;
    const inCommunity = scored.filter((candidate) => candidate.communityId === communityId).sort(compareCandidates);
    inCommunity.forEach((candidate, index) => {
      ranked.push({ ...candidate, rank: index + 1, proposed: index < places });
    });
  }
  return ranked;
}

/** Why a candidate leaves the recruitment at a stage, or null when they go on. */
export function scoreDropReason(stage: '笔试' | '面试', scoreTenths: number, passMarkTenths: number): string | null {
  return scoreTenths < passMarkTenths ? `${stage}成绩 ${scoreTenths / 10} 低于合格分数线 ${passMarkTenths / 10}` : null;
}
