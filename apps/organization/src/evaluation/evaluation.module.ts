import { Module } from '@nestjs/common';
import { CommunityDemandsPersistenceModule } from '../demands/persistence/community-demands.repository.js';
import { CommunitiesModule } from '../communities/communities.module.js';
import { DepartmentsModule } from '../departments/departments.module.js';
import { OpinionsPersistenceModule } from '../opinions/persistence/opinions-persistence.module.js';
import { AnnualAssessmentGate } from './annual-assessment-gate.js';
import { EvaluationController } from './api/evaluation.controller.js';
import { CompleteAnnualAssessmentHandler } from './commands/complete-annual-assessment/complete-annual-assessment.handler.js';
import { RateDepartmentHandler } from './commands/rate-department/rate-department.handler.js';
import { CountViolationWhenViolationRecorded } from './events/count-violation-when-violation-recorded.handler.js';
import { EvaluationRepository } from './persistence/evaluation.repository.js';
import { AnnualAssessmentPrecheckHandler } from './queries/annual-assessment-precheck/annual-assessment-precheck.handler.js';
import { DepartmentRankingHandler } from './queries/department-ranking/department-ranking.handler.js';

/**
 * 双评议: communities rate departments; admission-gate violations count against them; a department's annual target
 * assessment completes on the year's ranking once the communities' opinion was asked.
 */
@Module({
  imports: [CommunitiesModule, DepartmentsModule, OpinionsPersistenceModule, CommunityDemandsPersistenceModule],
  controllers: [EvaluationController],
  providers: [
    EvaluationRepository,
    RateDepartmentHandler,
    DepartmentRankingHandler,
    CountViolationWhenViolationRecorded,
    AnnualAssessmentGate,
    AnnualAssessmentPrecheckHandler,
    CompleteAnnualAssessmentHandler,
  ],
})
export class EvaluationModule {}
