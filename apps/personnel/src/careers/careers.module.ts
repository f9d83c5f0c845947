import { Module } from '@nestjs/common';
import { ApprovalActionsModule } from '@jianfu/approvals';
import { CommunitiesModule } from '../communities/communities.module.js';
import { WorkersPersistenceModule } from '../workers/persistence/workers-persistence.module.js';
import { WorkersModule } from '../workers/workers.module.js';
import { CareersController } from './api/careers.controller.js';
import { ActOnPromotionHandler } from './commands/act-on-promotion/act-on-promotion.handler.js';
import { RequestPromotionHandler } from './commands/request-promotion/request-promotion.handler.js';
import { SetEstablishmentPlacesHandler } from './commands/set-establishment-places/set-establishment-places.handler.js';
import { SetStepRuleHandler } from './commands/set-step-rule/set-step-rule.handler.js';
import { RecordOutcomeWhenOpinionRequestClosed } from './events/record-outcome-when-opinion-request-closed.handler.js';
import { CareersPersistenceModule } from './persistence/careers-persistence.module.js';
import { GetCareerHandler } from './queries/get-career/get-career.handler.js';
import { GetPromotionRequestHandler } from './queries/get-promotion-request/get-promotion-request.handler.js';
import { ListCareerTracksHandler } from './queries/list-career-tracks/list-career-tracks.handler.js';

@Module({
  imports: [
    ApprovalActionsModule,
    CommunitiesModule,
    WorkersModule,
    WorkersPersistenceModule,
    CareersPersistenceModule,
  ],
  controllers: [CareersController],
  providers: [
    RequestPromotionHandler,
    ActOnPromotionHandler,
    SetStepRuleHandler,
    SetEstablishmentPlacesHandler,
    ListCareerTracksHandler,
    GetCareerHandler,
    GetPromotionRequestHandler,
    RecordOutcomeWhenOpinionRequestClosed,
  ],
})
export class CareersModule {}
