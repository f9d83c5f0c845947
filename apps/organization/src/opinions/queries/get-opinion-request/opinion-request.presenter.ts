import { Injectable } from '@nestjs/common';
import type { OpinionRequestClosedPayload } from '@jianfu/contracts';
import type { Transaction } from '@jianfu/platform';
import { tallyAnswers } from '../../domain/opinion-tally.js';
import {
  type OpinionAnswerRow,
  type OpinionRequestRow,
  OpinionsRepository,
  type ResidentObjectionRow,
} from '../../persistence/opinions.repository.js';

export interface OpinionRequestView extends OpinionRequestRow {
  standingAnswers: OpinionAnswerRow[];
  answerHistory: OpinionAnswerRow[];
  residentObjections: ResidentObjectionRow[];
  tally: OpinionRequestClosedPayload['tally'];
}

/** A request with its answers (standing and every correction) and objections, as the API and the close show it. */
@Injectable()
export class OpinionRequestPresenter {
  constructor(private readonly opinions: OpinionsRepository) {}

  async present(tx: Transaction, request: OpinionRequestRow): Promise<OpinionRequestView> {
    const standingAnswers = await this.opinions.standingAnswers(tx, request.id);
    return {
      ...request,
      standingAnswers,
      answerHistory: await this.opinions.answers(tx, request.id),
      residentObjections: await this.opinions.objections(tx, request.id),
      tally: tallyAnswers(request.communityIds, standingAnswers),
    };
  }
}
