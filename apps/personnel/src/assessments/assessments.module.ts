import { Module } from '@nestjs/common';
import { ApprovalActionsModule } from '@jianfu/approvals';
import { CommunitiesModule } from '../communities/communities.module.js';
import { WorkersModule } from '../workers/workers.module.js';
import { AssessmentCyclesController } from './api/assessment-cycles.controller.js';
import { WorkerGradesController } from './api/worker-grades.controller.js';
import { ActOnCycleClosingHandler } from './commands/act-on-cycle-closing/act-on-cycle-closing.handler.js';
import { GradeWorkersHandler } from './commands/grade-workers/grade-workers.handler.js';
import { OpenCycleHandler } from './commands/open-cycle/open-cycle.handler.js';
import { RequestCycleClosingHandler } from './commands/request-cycle-closing/request-cycle-closing.handler.js';
import { CycleAccess } from './cycle-access.js';
import { AssessmentsPersistenceModule } from './persistence/assessments-persistence.module.js';
import { GetCycleHandler } from './queries/get-cycle/get-cycle.handler.js';
import { GetWorkerGradesHandler } from './queries/get-worker-grades/get-worker-grades.handler.js';
import { ListCyclesHandler } from './queries/list-cycles/list-cycles.handler.js';

@Module({
  imports: [ApprovalActionsModule, CommunitiesModule, WorkersModule, AssessmentsPersistenceModule],
  controllers: [AssessmentCyclesController, WorkerGradesController],
  providers: [
    CycleAccess,
    OpenCycleHandler,
    GradeWorkersHandler,
    RequestCycleClosingHandler,
    ActOnCycleClosingHandler,
    GetCycleHandler,
    ListCyclesHandler,
    GetWorkerGradesHandler,
  ],
})
export class AssessmentsModule {}
