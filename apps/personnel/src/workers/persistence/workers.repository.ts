import { Injectable } from '@nestjs/common';
import type { OrganisationScope, Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import { diffFields, type FieldChanges } from '../domain/worker-changes.js';
import type { WorkerChange, WorkerChangeKind, WorkerRecord } from '../domain/worker-record.js';
import { WorkerChangeEntity } from './worker-change.entity.js';
import { WorkerEntity } from './worker.entity.js';

export type NewWorker = Omit<WorkerRecord, 'version' | 'createdAt' | 'trainings' | 'honours'> &
  Partial<Pick<WorkerRecord, 'trainings' | 'honours'>>;

export type WorkerFields = Partial<Omit<WorkerRecord, 'id' | 'version' | 'createdAt' | 'districtCode'>>;

export interface ChangeAuthor {
  actorId: string;
  reason: string;
}

const uniqueViolation = '23505';

/** What a worker list may be narrowed by; `q` is part of the name or the employee number. */
export interface WorkerFilter {
  communityId?: string;
  q?: string;
  postStep?: string;
  titleStep?: string;
}

/** Worker records; every write appends to the worker's history in the same transaction. */
@Injectable()
export class WorkersRepository {
  /** False when the district already has a worker with this employee number. */
  async insert(tx: Transaction, worker: NewWorker, kind: WorkerChangeKind, author: ChangeAuthor): Promise<boolean> {
    await entityManagerOf(tx).query('SAVEPOINT worker_insert');
    try {
      await entityManagerOf(tx).insert(WorkerEntity, { trainings: [], honours: [], ...worker, version: 1 });
      await entityManagerOf(tx).query('RELEASE SAVEPOINT worker_insert');
    } catch (error) {
      await entityManagerOf(tx).query('ROLLBACK TO SAVEPOINT worker_insert');
      if ((error as { driverError?: { code?: string } }).driverError?.code === uniqueViolation) return false;
      throw error;
    }
    const recorded: Partial<NewWorker> = { ...worker };
    delete recorded.id;
    await this.appendChange(tx, worker.id, kind, diffFields<Partial<NewWorker>>({}, recorded), author);
    return true;
  }

  async find(tx: Transaction, id: string): Promise<WorkerRecord | null> {
    return entityManagerOf(tx).findOne(WorkerEntity, { where: { id } });
  }

  /** Reads and locks, so concurrent changes of one worker apply one after another. */
  async findForUpdate(tx: Transaction, id: string): Promise<WorkerRecord | null> {
    return entityManagerOf(tx).findOne(WorkerEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async findMany(tx: Transaction, ids: string[]): Promise<WorkerRecord[]> {
    if (ids.length === 0) return [];
    return entityManagerOf(tx)
      .getRepository(WorkerEntity)
      .createQueryBuilder('w')
      .where('w.id IN (:...ids)', { ids })
      .getMany();
  }

  async existingEmployeeNos(tx: Transaction, districtCode: string, employeeNos: string[]): Promise<string[]> {
    if (employeeNos.length === 0) return [];
    const rows = await queryRows<{ employee_no: string }>(
      tx,
      'SELECT employee_no FROM worker WHERE district_code = $1 AND employee_no = ANY($2)',
      [districtCode, employeeNos],
    );
    return rows.map((row) => row.employee_no);
  }

  /**
   * Applies the fields that differ and records them; returns the recorded changes (empty when nothing
   * differed, in which case nothing is written).
   */
  async change(
    tx: Transaction,
    worker: WorkerRecord,
    fields: WorkerFields,
    kind: WorkerChangeKind,
    author: ChangeAuthor,
  ): Promise<FieldChanges> {
    const changes = diffFields(worker, fields);
    if (Object.keys(changes).length === 0) return changes;
    const applied = Object.fromEntries(
      Object.keys(changes).map((field) => [field, fields[field as keyof WorkerFields]]),
    );
    await entityManagerOf(tx).update(WorkerEntity, { id: worker.id }, { ...applied, version: worker.version + 1 });
    Object.assign(worker, applied, { version: worker.version + 1 });
    await this.appendChange(tx, worker.id, kind, changes, author);
    return changes;
  }

  async history(tx: Transaction, workerId: string): Promise<WorkerChange[]> {
    return entityManagerOf(tx).find(WorkerChangeEntity, { where: { workerId }, order: { id: 'ASC' } });
  }

  /** One page of a worker's history, oldest first, and how many entries it has in all. */
  async historyPage(
    tx: Transaction,
    workerId: string,
    page: { offset: number; limit: number },
  ): Promise<{ items: WorkerChange[]; total: number }> {
    const [items, total] = await entityManagerOf(tx).findAndCount(WorkerChangeEntity, {
      where: { workerId },
      order: { id: 'ASC' },
      skip: page.offset,
      take: page.limit,
    });
    return { items, total };
  }

  /** Workers a scope reaches, optionally of one community, ordered by employee number. */
  async listInScope(
    tx: Transaction,
    scope: OrganisationScope,
    filter: WorkerFilter & { offset: number; limit: number },
  ): Promise<{ items: WorkerRecord[]; total: number }> {
    const query = entityManagerOf(tx)
      .getRepository(WorkerEntity)
      .createQueryBuilder('w')
      .where('w.districtCode = :district', { district: scope.districtCode });
    if (scope.communityIds) {
      query.andWhere('w.communityId = ANY(:ids)', { ids: scope.communityIds });
    } else if (scope.streetCodes) {
      query.andWhere('w.streetCode = ANY(:streets)', { streets: scope.streetCodes });
    }
    if (filter.communityId) query.andWhere('w.communityId = :community', { community: filter.communityId });
    if (filter.postStep) query.andWhere('w.postStep = :postStep', { postStep: filter.postStep });
    if (filter.titleStep) query.andWhere('w.titleStep = :titleStep', { titleStep: filter.titleStep });
    if (filter.q) {
      // LIKE's own wildcards in the text are matched literally.
      const pattern = `%${filter.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      query.andWhere('(w.name ILIKE :pattern OR w.employeeNo ILIKE :pattern)', { pattern });
    }
    const [items, total] = await query.orderBy('w.employeeNo').skip(filter.offset).take(filter.limit).getManyAndCount();
    return { items, total };
  }

  private async appendChange(
    tx: Transaction,
    workerId: string,
    kind: WorkerChangeKind,
    changes: FieldChanges,
    author: ChangeAuthor,
  ): Promise<void> {
    await entityManagerOf(tx).query(
      'INSERT INTO worker_change (worker_id, kind, changes, reason, changed_by) VALUES ($1, $2, $3, $4, $5)',
      [workerId, kind, JSON.stringify(changes), author.reason, author.actorId],
    );
  }
}
