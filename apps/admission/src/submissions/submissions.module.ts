import { Module } from '@nestjs/common';
import { ApprovalPersistenceModule, ApprovalActionsModule } from '@jianfu/approvals';
import { DepartmentBudgetsPersistenceModule } from '../budgets/department-budgets.module.js';
import { CataloguePersistenceModule } from '../catalogue/catalogue.module.js';
import { DepartmentsModule } from '../departments/departments.module.js';
import { GatePersistenceModule } from '../gate/gate.module.js';
import { PowerItemsPersistenceModule } from '../power-items/power-items.module.js';
import { SubmissionsController } from './api/submissions.controller.js';
import { ActOnSubmissionHandler } from './commands/act-on-submission/act-on-submission.handler.js';
import { SaveDraftHandler } from './commands/save-draft/save-draft.handler.js';
import { SubmitSubmissionHandler } from './commands/submit-submission/submit-submission.handler.js';
import { SubmissionsRepository } from './persistence/submissions.repository.js';
import { PreviewPrecheckHandler } from './queries/preview-precheck/preview-precheck.handler.js';
import { GetSubmissionHistoryHandler } from './queries/get-submission-history/get-submission-history.handler.js';
import { GetSubmissionHandler } from './queries/get-submission/get-submission.handler.js';
import { ListSubmissionsHandler } from './queries/list-submissions/list-submissions.handler.js';

@Module({ providers: [SubmissionsRepository], exports: [SubmissionsRepository] })
export class SubmissionsPersistenceModule {}

@Module({
  imports: [
    ApprovalActionsModule,
    SubmissionsPersistenceModule,
    ApprovalPersistenceModule,
    CataloguePersistenceModule,
    DepartmentsModule,
    GatePersistenceModule,
    DepartmentBudgetsPersistenceModule,
    PowerItemsPersistenceModule,
  ],
  controllers: [SubmissionsController],
  providers: [
    SaveDraftHandler,
    SubmitSubmissionHandler,
    ActOnSubmissionHandler,
    GetSubmissionHandler,
    ListSubmissionsHandler,
    GetSubmissionHistoryHandler,
    PreviewPrecheckHandler,
  ],
})
export class SubmissionsModule {}
