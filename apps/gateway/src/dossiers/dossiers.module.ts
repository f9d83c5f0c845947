import { Module } from '@nestjs/common';
import { ForwardingModule } from '../forwarding/forwarding.module.js';
import { DossiersController } from './api/dossiers.controller.js';
import { GetTaskDossierHandler } from './queries/get-task-dossier/get-task-dossier.handler.js';
import { ServiceReader } from './service-reader.js';

/** 任务档案: a task across admission, finance, organization and personnel. */
@Module({
  imports: [ForwardingModule],
  controllers: [DossiersController],
  providers: [ServiceReader, GetTaskDossierHandler],
})
export class DossiersModule {}
