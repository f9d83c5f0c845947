import { Module } from '@nestjs/common';
import { WorkersRepository } from './workers.repository.js';

/** Shared by the API process (requests) and the worker process (activities). */
@Module({ providers: [WorkersRepository], exports: [WorkersRepository] })
export class WorkersPersistenceModule {}
