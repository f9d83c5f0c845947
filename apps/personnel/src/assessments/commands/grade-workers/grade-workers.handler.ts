import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, ScopeError, TransactionRunner } from '@jianfu/platform';
import { CycleAccess } from '../../cycle-access.js';
import { AssessmentsRepository } from '../../persistence/assessments.repository.js';
import { GradeWorkersCommand } from './grade-workers.command.js';
import { AssessmentErrors } from '../../domain/assessments.errors.js';

/**
 * Records graders' grades while the cycle is open. Each grade is a row written at once, so nothing a
 * grader submitted depends on a workflow or a worker process being up. All or none of a batch is saved.
 */
@CommandHandler(GradeWorkersCommand)
export class GradeWorkersHandler implements ICommandHandler<GradeWorkersCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly cycles: CycleAccess,
    private readonly assessments: AssessmentsRepository,
  ) {}

  async execute(command: GradeWorkersCommand): Promise<{ graded: number; ungraded: number }> {
    return this.transactions.run(async (tx) => {
      const cycle = await this.cycles.forUpdate(tx, command.actor, command.cycleId);
      if (cycle.status !== 'open') {
        throw DomainError.of(
          AssessmentErrors['assessment.cycle-not-open'],
          cycle.status === 'finalised'
            ? 'The cycle is finalised; its grades no longer change'
            : 'The cycle is awaiting approval to close; its grades are frozen until the decision',
        );
      }
      const workerIds = command.grades.map((entry) => entry.workerId);
      const duplicates = workerIds.filter((id, index) => workerIds.indexOf(id) !== index);
      if (duplicates.length > 0) {
        throw DomainError.of(
          AssessmentErrors['assessment.grade-duplicated'],
          `Graded twice in one batch: ${duplicates.join(', ')}`,
        );
      }
      const cohort = await this.assessments.cohortWorkerIds(tx, cycle.id);
      const outside = workerIds.filter((id) => !cohort.has(id));
      if (outside.length > 0) {
        throw DomainError.of(
          AssessmentErrors['assessment.worker-outside-cohort'],
          `Not in this cycle's cohort: ${outside.join(', ')}`,
        );
      }
      if (command.actor.scope.communityIds) {
        const members = await this.assessments.cohortGrades(tx, cycle.id);
        const foreign = members
          .filter((member) => workerIds.includes(member.workerId))
          .filter((member) => !command.actor.scope.communityIds!.includes(member.communityId));
        if (foreign.length > 0) {
          throw new ScopeError(`Outside your communities: ${foreign.map((member) => member.name).join(', ')}`);
        }
      }
      await this.assessments.saveGrades(tx, cycle.id, command.grades, command.actor.userId);
      const members = await this.assessments.cohortGrades(tx, cycle.id);
      const graded = members.filter((member) => member.grade !== null).length;
      return { graded, ungraded: members.length - graded };
    });
  }
}
