import { Module } from '@nestjs/common';
import { AssessmentsPersistenceModule } from '../../assessments/persistence/assessments-persistence.module.js';
import { CareerEligibility } from '../career-eligibility.js';
import { CareersRepository } from './careers.repository.js';
import { PromotionsRepository } from './promotions.repository.js';

/** Shared by the API process (requests) and the worker process (promotion activities). */
@Module({
  imports: [AssessmentsPersistenceModule],
  providers: [CareersRepository, PromotionsRepository, CareerEligibility],
  exports: [CareersRepository, PromotionsRepository, CareerEligibility],
})
export class CareersPersistenceModule {}
