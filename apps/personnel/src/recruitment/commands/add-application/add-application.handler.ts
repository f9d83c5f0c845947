import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { RecruitmentRepository } from '../../persistence/recruitment.repository.js';
import { PostingAccess } from '../../posting-access.js';
import { AddApplicationCommand } from './add-application.command.js';
import { RecruitmentErrors } from '../../domain/recruitment.errors.js';

/** Records an application (报名) for one community's places while applications are open. */
@CommandHandler(AddApplicationCommand)
export class AddApplicationHandler implements ICommandHandler<AddApplicationCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly postings: PostingAccess,
    private readonly recruitment: RecruitmentRepository,
  ) {}

  async execute(command: AddApplicationCommand): Promise<{ applicationId: string }> {
    const applicationId = randomUUID();
    await this.transactions.run(async (tx) => {
      await this.postings.atStage(tx, command.actor, command.postingId, 'accepting-applications');
      const places = await this.recruitment.places(tx, command.postingId);
      if (!places.some((place) => place.communityId === command.applicant.communityId)) {
        throw DomainError.of(
          RecruitmentErrors['recruitment.no-places'],
          'The posting has no places for this community',
        );
      }
      const inserted = await this.recruitment.insertApplication(tx, {
        id: applicationId,
        postingId: command.postingId,
        ...command.applicant,
      });
      if (!inserted) {
        throw DomainError.of(
          RecruitmentErrors['recruitment.candidate-no-taken'],
          `Candidate number ${command.applicant.candidateNo} is already used in this posting`,
        );
      }
    });
    return { applicationId };
  }
}
