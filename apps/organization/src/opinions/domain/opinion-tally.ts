import type { OpinionRequestClosedPayload } from '@jianfu/contracts';
import type { OpinionAnswerKind } from './opinion-answer.js';

/** Counts the standing answers; a community without one (only possible before the window closed) counts as no opinion. */
export function tallyAnswers(
  communityIds: string[],
  standing: { communityId: string; answer: OpinionAnswerKind }[],
): OpinionRequestClosedPayload['tally'] {
  const tally = { agree: 0, disagree: 0, noObjection: 0, noOpinion: 0 };
  const byCommunity = new Map(standing.map((answer) => [answer.communityId, answer.answer]));
  for (const communityId of communityIds) {
    const answer = byCommunity.get(communityId) ?? 'no-opinion';
    if (answer === 'agree') tally.agree += 1;
    else if (answer === 'disagree') tally.disagree += 1;
    else if (answer === 'no-objection') tally.noObjection += 1;
    else tally.noOpinion += 1;
  }
  return tally;
}
