import { Module } from '@nestjs/common';
import { CommunityDemandsPersistenceModule } from '../demands/persistence/community-demands.repository.js';
import { CommunitiesModule } from '../communities/communities.module.js';
import { DepartmentsModule } from '../departments/departments.module.js';
import { EvaluationController } from './api/evaluation.controller.js';
import { RateDepartmentHandler } from './commands/rate-department/rate-department.handler.js';
import { CountViolationWhenViolationRecorded } from './events/count-violation-when-violation-recorded.handler.js';
import { EvaluationRepository } from './persistence/evaluation.repository.js';
import { DepartmentRankingHandler } from './queries/department-ranking/department-ranking.handler.js';

/** 双评议: communities rate departments; admission-gate violations count against them. */
@Module({
  imports: [CommunitiesModule, DepartmentsModule, CommunityDemandsPersistenceModule],
  controllers: [EvaluationController],
  providers: [
    EvaluationRepository,
    RateDepartmentHandler,
    DepartmentRankingHandler,
    CountViolationWhenViolationRecorded,
  ],
})
export class EvaluationModule {}
