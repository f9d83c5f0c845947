import { Injectable } from '@nestjs/common';
import { NotFoundError, type Principal, reachesCommunity, type Transaction } from '@jianfu/platform';
import type { WorkerRecord } from './domain/worker-record.js';
import { WorkersRepository } from './persistence/workers.repository.js';

/** A worker the caller's scope reaches; others are reported as not found. */
@Injectable()
export class WorkerAccess {
  constructor(private readonly workers: WorkersRepository) {}

  async read(tx: Transaction, actor: Principal, workerId: string): Promise<WorkerRecord> {
    return this.checked(actor, workerId, await this.workers.find(tx, workerId));
  }

  async forUpdate(tx: Transaction, actor: Principal, workerId: string): Promise<WorkerRecord> {
    return this.checked(actor, workerId, await this.workers.findForUpdate(tx, workerId));
  }

  private checked(actor: Principal, workerId: string, worker: WorkerRecord | null): WorkerRecord {
    if (!worker || !reachesCommunity(actor, worker)) throw new NotFoundError('worker', workerId);
    return worker;
  }
}
