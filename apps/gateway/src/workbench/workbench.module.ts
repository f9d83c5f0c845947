import { Module } from '@nestjs/common';
import { ForwardingModule } from '../forwarding/forwarding.module.js';
import { WorkbenchController } from './api/workbench.controller.js';
import { GetWorkbenchInboxHandler } from './queries/get-workbench-inbox/get-workbench-inbox.handler.js';

/** The workbench (工作台): one inbox over the services' approvals. */
@Module({
  imports: [ForwardingModule],
  controllers: [WorkbenchController],
  providers: [GetWorkbenchInboxHandler],
})
export class WorkbenchModule {}
