import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module.js';
import { DepartmentsController } from '../departments/api/departments.controller.js';
import { PowerItemsController } from './api/power-items.controller.js';
import { DecidePowerItemsProposalHandler } from './commands/decide-power-items-proposal/decide-power-items-proposal.handler.js';
import { ProposePowerItemsVersionHandler } from './commands/propose-power-items-version/propose-power-items-version.handler.js';
import { PowerItemsRepository } from './persistence/power-items.repository.js';
import { GetPowerItemsProposalHandler } from './queries/get-power-items-proposal/get-power-items-proposal.handler.js';
import { GetPowerItemsVersionHandler } from './queries/get-power-items-version/get-power-items-version.handler.js';
import { VersionProposalsModule } from '../version-proposals/version-proposals.js';

@Module({ providers: [PowerItemsRepository], exports: [PowerItemsRepository] })
export class PowerItemsPersistenceModule {}

/** 权力清单: each department's administrative power items, kept, cancelled or devolved, versioned. */
@Module({
  imports: [PowerItemsPersistenceModule, DepartmentsModule, VersionProposalsModule],
  controllers: [DepartmentsController, PowerItemsController],
  providers: [
    ProposePowerItemsVersionHandler,
    GetPowerItemsProposalHandler,
    DecidePowerItemsProposalHandler,
    GetPowerItemsVersionHandler,
  ],
})
export class PowerItemsModule {}
