import { Module } from '@nestjs/common';
import { AssessmentsRepository } from './assessments.repository.js';

@Module({ providers: [AssessmentsRepository], exports: [AssessmentsRepository] })
export class AssessmentsPersistenceModule {}
