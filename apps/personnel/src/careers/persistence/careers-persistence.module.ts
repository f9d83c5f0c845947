import { Module } from '@nestjs/common';
import { AssessmentsPersistenceModule } from '../../assessments/persistence/assessments-persistence.module.js';
import { CareerEligibility } from '../career-eligibility.js';
import { CareersRepository } from './careers.repository.js';
import { OpinionOutcomesRepository } from './opinion-outcomes.repository.js';
import { PromotionsRepository } from './promotions.repository.js';

/** Shared by the API process (requests) and the worker process (promotion activities). */
@Module({
  imports: [AssessmentsPersistenceModule],
  providers: [CareersRepository, PromotionsRepository, CareerEligibility, OpinionOutcomesRepository],
  exports: [CareersRepository, PromotionsRepository, CareerEligibility, OpinionOutcomesRepository],
})
export class CareersPersistenceModule {}
