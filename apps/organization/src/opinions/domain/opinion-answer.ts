/** A community's answer to an opinion request (征求意见); no opinion is what silence counts as. */
export type OpinionAnswerKind = 'agree' | 'disagree' | 'no-objection' | 'no-opinion';
