import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { RecruitmentRepository } from '../../persistence/recruitment.repository.js';
import { PostingAccess } from '../../posting-access.js';
import { RecordInspectionsCommand } from './record-inspections.command.js';
import { RecruitmentErrors } from '../../domain/recruitment.errors.js';

/** Records the inspection (考察) of each remaining candidate: pass or fail, with the inspectors' note. */
@CommandHandler(RecordInspectionsCommand)
export class RecordInspectionsHandler implements ICommandHandler<RecordInspectionsCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly postings: PostingAccess,
    private readonly recruitment: RecruitmentRepository,
  ) {}

  async execute(command: RecordInspectionsCommand): Promise<{ recorded: number; missing: string[] }> {
    return this.transactions.run(async (tx) => {
      await this.postings.atStage(tx, command.actor, command.postingId, 'inspection');
      const active = new Map(
        (await this.recruitment.applications(tx, command.postingId))
          .filter((application) => application.status === 'active')
          .map((application) => [application.id, application]),
      );
      const unknown = command.results.filter((entry) => !active.has(entry.applicationId));
      if (unknown.length > 0) {
        throw DomainError.of(
          RecruitmentErrors['recruitment.not-a-candidate'],
          `Not a candidate still in this recruitment: ${unknown.map((entry) => entry.applicationId).join(', ')}`,
        );
      }
      for (const entry of command.results) {
        await this.recruitment.setInspection(tx, entry.applicationId, entry.result, entry.note);
        active.get(entry.applicationId)!.inspectionResult = entry.result;
      }
      const missing = [...active.values()]
        .filter((application) => application.inspectionResult === null)
        .map((application) => application.candidateNo)
        .sort();
      return { recorded: command.results.length, missing };
    });
  }
}
