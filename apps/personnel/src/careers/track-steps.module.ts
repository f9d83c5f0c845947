import { Global, Module } from '@nestjs/common';
import { TrackSteps } from '../workers/domain/track-steps.js';
import { CareerStepValidator } from './career-step-validator.js';
import { CareersPersistenceModule } from './persistence/careers-persistence.module.js';

/** Provides workers' `TrackSteps` port from the career data, to every module of the process. */
@Global()
@Module({
  imports: [CareersPersistenceModule],
  providers: [{ provide: TrackSteps, useClass: CareerStepValidator }],
  exports: [TrackSteps],
})
export class TrackStepsModule {}
