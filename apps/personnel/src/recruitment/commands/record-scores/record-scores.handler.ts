import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { RecruitmentRepository } from '../../persistence/recruitment.repository.js';
import { PostingAccess } from '../../posting-access.js';
import { RecordScoresCommand } from './record-scores.command.js';
import { RecruitmentErrors } from '../../domain/recruitment.errors.js';

/** Records written-exam or interview scores during that stage, for candidates still in the running. */
@CommandHandler(RecordScoresCommand)
export class RecordScoresHandler implements ICommandHandler<RecordScoresCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly postings: PostingAccess,
    private readonly recruitment: RecruitmentRepository,
  ) {}

  async execute(command: RecordScoresCommand): Promise<{ recorded: number; missing: string[] }> {
    const stage = command.exam === 'written' ? 'written-exam' : 'interview';
    return this.transactions.run(async (tx) => {
      await this.postings.atStage(tx, command.actor, command.postingId, stage);
      const active = new Map(
        (await this.recruitment.applications(tx, command.postingId))
          .filter((application) => application.status === 'active')
          .map((application) => [application.id, application]),
      );
      const unknown = command.scores.filter((entry) => !active.has(entry.applicationId));
      if (unknown.length > 0) {
        throw DomainError.of(
          RecruitmentErrors['recruitment.not-a-candidate'],
          `Not a candidate still in this recruitment: ${unknown.map((entry) => entry.applicationId).join(', ')}`,
        );
      }
      for (const entry of command.scores) {
        await this.recruitment.setScore(tx, entry.applicationId, command.exam, entry.score);
        const application = active.get(entry.applicationId)!;
        if (command.exam === 'written') application.writtenScore = entry.score;
        else application.interviewScore = entry.score;
      }
      const missing = [...active.values()]
        .filter((application) =>
          command.exam === 'written' ? application.writtenScore === null : application.interviewScore === null,
        )
        .map((application) => application.candidateNo)
        .sort();
      return { recorded: command.scores.length, missing };
    });
  }
}
