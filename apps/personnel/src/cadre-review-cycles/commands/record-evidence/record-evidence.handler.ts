import { createHash } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { CycleAccess } from '../../cycle-access.js';
import { CadreReviewCycleErrors as Errors } from '../../domain/cadre-review-cycles.errors.js';
import { CadreReviewCyclesRepository } from '../../persistence/cadre-review-cycles.repository.js';
import { RecordEvidenceCommand } from './record-evidence.command.js';

/**
 * Records one piece of evidence for a cadre in a collecting cycle: the debriefing meeting (述职评议: date and
 * attendees), a ballot of an attendee (append-only; a second ballot of the same voter supersedes the first), a field
 * visit (实地走访), a household survey (入户调查, the household kept as a hash) or the satisfaction questionnaire.
 */
@CommandHandler(RecordEvidenceCommand)
export class RecordEvidenceHandler implements ICommandHandler<RecordEvidenceCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: CycleAccess,
    private readonly cycles: CadreReviewCyclesRepository,
  ) {}

  execute(command: RecordEvidenceCommand): Promise<{ recorded: string; id?: string; supersedes?: string | null }> {
    const { evidence, actor } = command;
    return this.transactions.run(async (tx) => {
      const { cycle, worker } = await this.access.evidenceTarget(tx, actor, command.cycleId, command.workerId);
      const target = { cycleId: cycle.id, workerId: worker.id };
      switch (evidence.kind) {
        case 'meeting': {
          const attendees = [...new Set(evidence.attendees)];
          if (!(await this.cycles.insertMeeting(tx, { ...target, ...evidence, attendees, recordedBy: actor.userId }))) {
            throw DomainError.of(Errors['cadre-review-cycle.meeting-exists'], `${worker.name}'s meeting is recorded`);
          }
          return { recorded: 'meeting' };
        }
        case 'ballot': {
          const attendees = await this.cycles.attendees(tx, cycle.id, worker.id);
          if (!attendees) {
            throw DomainError.of(Errors['cadre-review-cycle.no-meeting'], `No debriefing meeting for ${worker.name}`);
          }
          if (!attendees.includes(evidence.voterId)) {
            throw DomainError.of(
              Errors['cadre-review-cycle.voter-not-attending'],
              `${evidence.voterId} did not attend ${worker.name}'s debriefing meeting`,
            );
          }
          const cast = await this.cycles.castBallot(tx, {
            ...target,
            voterId: evidence.voterId,
            grade: evidence.grade,
          });
          return { recorded: 'ballot', ...cast };
        }
        case 'field-visit':
          await this.cycles.insertVisit(tx, { ...target, ...evidence, reviewerId: actor.userId });
          return { recorded: 'field-visit' };
        case 'household-survey': {
          // Salted with the cycle: the same household hashes differently in another year's review.
          const householdHash = createHash('sha256').update(`${cycle.id}:${evidence.householdId}`).digest('hex');
          const inserted = await this.cycles.insertHouseholdSurvey(tx, {
            ...target,
            householdHash,
            answers: evidence.answers,
            recordedBy: actor.userId,
          });
          if (!inserted) {
            throw DomainError.of(
              Errors['cadre-review-cycle.household-surveyed'],
              'This household was already surveyed',
            );
          }
          return { recorded: 'household-survey' };
        }
        case 'questionnaire': {
          if (evidence.satisfied + evidence.basicallySatisfied + evidence.dissatisfied !== evidence.sampleSize) {
            throw DomainError.of(
              Errors['cadre-review-cycle.questionnaire-sum'],
              `satisfied + basicallySatisfied + dissatisfied must equal sampleSize ${evidence.sampleSize}`,
            );
          }
          if (!(await this.cycles.insertQuestionnaire(tx, { ...target, ...evidence, recordedBy: actor.userId }))) {
            throw DomainError.of(
              Errors['cadre-review-cycle.questionnaire-exists'],
              `${worker.name}'s questionnaire is recorded`,
            );
          }
          return { recorded: 'questionnaire' };
        }
      }
    });
  }
}
