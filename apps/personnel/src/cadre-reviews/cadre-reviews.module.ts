import { Module } from '@nestjs/common';
import { WorkersModule } from '../workers/workers.module.js';
import { CadreReviewsController } from './api/cadre-reviews.controller.js';
import { RecordCadreReviewHandler } from './commands/record-cadre-review/record-cadre-review.handler.js';
import { CadreReviewsRepository } from './persistence/cadre-reviews.repository.js';
import { ListCadreReviewsHandler } from './queries/list-cadre-reviews/list-cadre-reviews.handler.js';

@Module({
  imports: [WorkersModule],
  controllers: [CadreReviewsController],
  providers: [CadreReviewsRepository, RecordCadreReviewHandler, ListCadreReviewsHandler],
})
export class CadreReviewsModule {}
