import type { OrganisationScope, Transaction } from '@jianfu/platform';
import { snapshotOf, type TransactionParticipant } from '@jianfu/testing/unit';
import { diffFields, type FieldChanges } from '../workers/domain/worker-changes.js';
import type { WorkerChange, WorkerChangeKind, WorkerRecord } from '../workers/domain/worker-record.js';
import {
  type ChangeAuthor,
  type NewWorker,
  type WorkerFields,
  WorkersRepository,
} from '../workers/persistence/workers.repository.js';

/**
 * Worker records over Maps: an employee number is unique in its district (the unique index), and every write
 * appends to the worker's history, as the SQL repository does.
 */
export class InMemoryWorkersRepository extends WorkersRepository implements TransactionParticipant {
  readonly state = {
    workers: new Map<string, WorkerRecord>(),
    changes: [] as WorkerChange[],
  };

  snapshot(): () => void {
    return snapshotOf(this.state);
  }

  /** Seeds a worker; fields not given get plain defaults. */
  seed(
    worker: Partial<WorkerRecord> & Pick<WorkerRecord, 'id' | 'communityId' | 'streetCode' | 'districtCode'>,
  ): WorkerRecord {
    const stored: WorkerRecord = {
      employeeNo: `E-${worker.id.slice(0, 8)}`,
      name: '张三',
      postStep: 'P1',
      postSince: '2018-01-01',
      titleStep: 'T1',
      titleSince: '2018-01-01',
      education: 'bachelor',
      partyMember: true,
      hireDate: '2018-01-01',
      certificates: [],
      trainings: [],
      honours: [],
      version: 1,
      createdAt: new Date(0),
      ...worker,
    };
    this.state.workers.set(stored.id, stored);
    return stored;
  }

  historyOf(workerId: string): WorkerChange[] {
    return this.state.changes.filter((change) => change.workerId === workerId);
  }

  override insert(_tx: Transaction, worker: NewWorker, kind: WorkerChangeKind, author: ChangeAuthor): Promise<boolean> {
    const taken = [...this.state.workers.values()].some(
      (stored) => stored.districtCode === worker.districtCode && stored.employeeNo === worker.employeeNo,
    );
    if (taken || this.state.workers.has(worker.id)) return Promise.resolve(false);
    this.state.workers.set(worker.id, {
      trainings: [],
      honours: [],
      ...structuredClone(worker),
      version: 1,
      createdAt: new Date(),
    });
    const recorded: Partial<NewWorker> = { ...worker };
    delete recorded.id;
    this.append(worker.id, kind, diffFields<Partial<NewWorker>>({}, recorded), author);
    return Promise.resolve(true);
  }

  override find(_tx: Transaction, id: string): Promise<WorkerRecord | null> {
    const found = this.state.workers.get(id);
    return Promise.resolve(found ? structuredClone(found) : null);
  }

  override findForUpdate(tx: Transaction, id: string): Promise<WorkerRecord | null> {
    return this.find(tx, id);
  }

  override findMany(_tx: Transaction, ids: string[]): Promise<WorkerRecord[]> {
    return Promise.resolve(
      ids.flatMap((id) => {
        const found = this.state.workers.get(id);
        return found ? [structuredClone(found)] : [];
      }),
    );
  }

  override existingEmployeeNos(_tx: Transaction, districtCode: string, employeeNos: string[]): Promise<string[]> {
    return Promise.resolve(
      [...this.state.workers.values()]
        .filter((worker) => worker.districtCode === districtCode && employeeNos.includes(worker.employeeNo))
        .map((worker) => worker.employeeNo),
    );
  }

  override change(
    _tx: Transaction,
    worker: WorkerRecord,
    fields: WorkerFields,
    kind: WorkerChangeKind,
    author: ChangeAuthor,
  ): Promise<FieldChanges> {
    const changes = diffFields(worker, fields);
    if (Object.keys(changes).length === 0) return Promise.resolve(changes);
    const applied = Object.fromEntries(
      Object.keys(changes).map((field) => [field, fields[field as keyof WorkerFields]]),
    );
    const stored = this.state.workers.get(worker.id)!;
    Object.assign(stored, structuredClone(applied), { version: worker.version + 1 });
    Object.assign(worker, applied, { version: worker.version + 1 });
    this.append(worker.id, kind, changes, author);
    return Promise.resolve(changes);
  }

  override history(_tx: Transaction, workerId: string): Promise<WorkerChange[]> {
    return Promise.resolve(this.historyOf(workerId));
  }

  override historyPage(
    _tx: Transaction,
    workerId: string,
    page: { offset: number; limit: number },
  ): Promise<{ items: WorkerChange[]; total: number }> {
    const all = this.historyOf(workerId);
    return Promise.resolve({ items: all.slice(page.offset, page.offset + page.limit), total: all.length });
  }

  override listInScope(
    _tx: Transaction,
    scope: OrganisationScope,
    filter: { communityId?: string; offset: number; limit: number },
  ): Promise<{ items: WorkerRecord[]; total: number }> {
    const all = [...this.state.workers.values()]
      .filter((worker) => worker.districtCode === scope.districtCode)
      .filter((worker) =>
        scope.communityIds
          ? scope.communityIds.includes(worker.communityId)
          : !scope.streetCodes || scope.streetCodes.includes(worker.streetCode),
      )
      .filter((worker) => !filter.communityId || worker.communityId === filter.communityId)
      .sort((a, b) => a.employeeNo.localeCompare(b.employeeNo));
    return Promise.resolve({ items: all.slice(filter.offset, filter.offset + filter.limit), total: all.length });
  }

  private append(workerId: string, kind: WorkerChangeKind, changes: FieldChanges, author: ChangeAuthor): void {
    this.state.changes.push({
      id: String(this.state.changes.length + 1),
      workerId,
      kind,
      changes: structuredClone(changes),
      reason: author.reason,
      changedBy: author.actorId,
      changedAt: new Date(),
    });
  }
}
