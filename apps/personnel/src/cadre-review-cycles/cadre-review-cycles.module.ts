import { Module } from '@nestjs/common';
import { ApprovalActionsModule } from '@jianfu/approvals';
import { WorkersModule } from '../workers/workers.module.js';
import { CadreReviewCyclesController } from './api/cadre-review-cycles.controller.js';
import { OpenCadreReviewCycleHandler } from './commands/open-cadre-review-cycle/open-cadre-review-cycle.handler.js';
import { ActOnCadreReviewProposalHandler } from './commands/act-on-cadre-review-proposal/act-on-cadre-review-proposal.handler.js';
import { ProposeCadreReviewResultsHandler } from './commands/propose-cadre-review-results/propose-cadre-review-results.handler.js';
import { RecordEvidenceHandler } from './commands/record-evidence/record-evidence.handler.js';
import { CycleAccess } from './cycle-access.js';
import { CadreReviewCyclesRepository } from './persistence/cadre-review-cycles.repository.js';
import { GetResidentSatisfactionHandler } from './queries/get-resident-satisfaction/get-resident-satisfaction.handler.js';
import { GetCadreReviewCycleHandler } from './queries/get-cadre-review-cycle/get-cadre-review-cycle.handler.js';

/** The annual cadre review collected from evidence, per year and street. */
@Module({
  imports: [ApprovalActionsModule, WorkersModule],
  controllers: [CadreReviewCyclesController],
  providers: [
    CadreReviewCyclesRepository,
    CycleAccess,
    OpenCadreReviewCycleHandler,
    RecordEvidenceHandler,
    GetCadreReviewCycleHandler,
    ProposeCadreReviewResultsHandler,
    ActOnCadreReviewProposalHandler,
    GetResidentSatisfactionHandler,
  ],
})
export class CadreReviewCyclesModule {}
