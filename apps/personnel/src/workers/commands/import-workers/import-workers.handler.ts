import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, type FieldProblem, RequestValidationError, TransactionRunner } from '@jianfu/platform';
import { TrackSteps } from '../../domain/track-steps.js';
import { CommunityAccess } from '../../../communities/community-access.js';
import { readWorkerCsv } from '../../domain/worker-csv.js';
import { readWorkerXlsx } from '../../domain/worker-xlsx.js';
import { WorkersRepository } from '../../persistence/workers.repository.js';
import { ImportWorkersCommand } from './import-workers.command.js';
import { WorkerErrors } from '../../domain/workers.errors.js';

/**
 * Imports worker records from a CSV file or an Excel workbook, all or nothing: every line is checked (format, community in
 * the caller's scope, steps of the tracks, employee number free) and any problem refuses the whole file
 * with one entry per line and column.
 */
@CommandHandler(ImportWorkersCommand)
export class ImportWorkersHandler implements ICommandHandler<ImportWorkersCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly communities: CommunityAccess,
    private readonly steps: TrackSteps,
    private readonly workers: WorkersRepository,
  ) {}

  async execute(command: ImportWorkersCommand): Promise<{ imported: number; workerIds: string[] }> {
    const { rows, problems } =
      'csv' in command.file ? readWorkerCsv(command.file.csv) : await readWorkerXlsx(command.file.xlsx);
    if (problems.length > 0) throw new RequestValidationError(problems);
    const districtCode = command.actor.scope.districtCode;

    return this.transactions.run(async (tx) => {
      const communities = await this.communities.byCodes(tx, districtCode, [
        ...new Set(rows.map((row) => row.communityCode)),
      ]);
      const taken = new Set(
        await this.workers.existingEmployeeNos(
          tx,
          districtCode,
          rows.map((row) => row.employeeNo),
        ),
      );
      const rowProblems: FieldProblem[] = [];
      const problem = (line: number, column: string, rule: string, message: string) =>
        rowProblems.push({ field: `line ${line}.${column}`, rule, message: `line ${line}, ${column}: ${message}` });
      for (const row of rows) {
        // A sheet may name the steps as people do (社区书记, 社会工作师); the record keeps the codes.
        Object.assign(row, await this.steps.codesOf(tx, row.postStep, row.titleStep));
        const community = communities.get(row.communityCode);
        if (!community || !this.communities.reaches(command.actor, community)) {
          problem(row.line, 'communityCode', 'community', `${row.communityCode} is not a community in your scope`);
        }
        for (const message of await this.steps.problems(tx, row.postStep, row.titleStep)) {
          problem(row.line, message.includes('post track') ? 'postStep' : 'titleStep', 'step', message);
        }
        if (taken.has(row.employeeNo)) {
          problem(row.line, 'employeeNo', 'unique', `${row.employeeNo} is already a worker's employee number`);
        }
      }
      if (rowProblems.length > 0) throw new RequestValidationError(rowProblems);

      const workerIds: string[] = [];
      for (const row of rows) {
        const community = communities.get(row.communityCode)!;
        const workerId = randomUUID();
        const inserted = await this.workers.insert(
          tx,
          {
            id: workerId,
            employeeNo: row.employeeNo,
            name: row.name,
            postStep: row.postStep,
            postSince: row.postSince,
            titleStep: row.titleStep,
            titleSince: row.titleSince,
            education: row.education,
            partyMember: row.partyMember,
            hireDate: row.hireDate,
            certificates: [...new Set(row.certificates)].sort(),
            communityId: community.communityId,
            streetCode: community.streetCode,
            districtCode,
          },
          'imported',
          { actorId: command.actor.userId, reason: command.reason },
        );
        if (!inserted) {
          throw DomainError.of(
            WorkerErrors['worker.employee-no-taken'],
            `line ${row.line}: employee number ${row.employeeNo} was taken while importing; nothing was imported`,
          );
        }
        workerIds.push(workerId);
      }
      return { imported: workerIds.length, workerIds };
    });
  }
}
