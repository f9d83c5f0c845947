import { Module } from '@nestjs/common';
import { OpinionsRepository } from './opinions.repository.js';

/** Shared by the API process (requests, answers) and the worker process (closing the publicity window). */
@Module({ providers: [OpinionsRepository], exports: [OpinionsRepository] })
export class OpinionsPersistenceModule {}
