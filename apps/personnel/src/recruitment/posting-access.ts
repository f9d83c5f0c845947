import { Injectable } from '@nestjs/common';
import { DomainError, NotFoundError, type Principal, type Transaction } from '@jianfu/platform';
import { type PostingRow, RecruitmentRepository } from './persistence/recruitment.repository.js';
import { RecruitmentErrors } from './domain/recruitment.errors.js';

/** Postings are the district's: any user of the district may see one, and HR acts on it. */
@Injectable()
export class PostingAccess {
  constructor(private readonly recruitment: RecruitmentRepository) {}

  async get(tx: Transaction, actor: Principal, postingId: string, lock = false): Promise<PostingRow> {
    const posting = await this.recruitment.posting(tx, postingId, lock);
    if (!posting || posting.districtCode !== actor.scope.districtCode) {
      throw new NotFoundError('recruitment-posting', postingId);
    }
    return posting;
  }

  /** The posting, locked and at the given stage, or a refusal naming the stage it is at. */
  async atStage(tx: Transaction, actor: Principal, postingId: string, stage: PostingRow['stage']): Promise<PostingRow> {
    const posting = await this.get(tx, actor, postingId, true);
    if (posting.stage !== stage) {
      throw DomainError.of(
        RecruitmentErrors['recruitment.wrong-stage'],
        `The recruitment is at ${posting.stage}; this needs ${stage}`,
      );
    }
    return posting;
  }
}
