import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, toPage, TransactionRunner } from '@jianfu/platform';
import { WorkerAccess } from '../../../workers/worker-access.js';
import { AssessmentsRepository, type WorkerGrade } from '../../persistence/assessments.repository.js';
import { GetWorkerGradesQuery } from './get-worker-grades.query.js';

/** A worker's monthly and annual assessments, for their profile: grade and bonus per cycle, newest first. */
@QueryHandler(GetWorkerGradesQuery)
export class GetWorkerGradesHandler implements IQueryHandler<GetWorkerGradesQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: WorkerAccess,
    private readonly assessments: AssessmentsRepository,
  ) {}

  async execute(query: GetWorkerGradesQuery): Promise<Page<WorkerGrade>> {
    const reader = this.transactions.reader;
    const worker = await this.access.read(reader, query.actor, query.workerId);
    const { items, total } = await this.assessments.gradesOf(reader, worker.id, query);
    return toPage(items, total, query);
  }
}
