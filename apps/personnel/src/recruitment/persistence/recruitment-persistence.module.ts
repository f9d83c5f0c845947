import { Module } from '@nestjs/common';
import { RecruitmentRepository } from './recruitment.repository.js';

@Module({ providers: [RecruitmentRepository], exports: [RecruitmentRepository] })
export class RecruitmentPersistenceModule {}
