import { type DynamicModule, Module } from '@nestjs/common';
import {
  CommunityDirectoryModule,
  CreateCommunityDirectory1763700000050,
  DirectoryCommunityEntity,
} from '@jianfu/community-directory';
import { PlatformModule } from '@jianfu/platform';
import type { FinanceConfig } from './config.js';

const entities = [DirectoryCommunityEntity];
const migrations = [CreateCommunityDirectory1763700000050];

/** The finance service: 费随事转: the double-entry ledger, task fund transfers, base allocations and payouts. */
@Module({})
export class FinanceModule {
  static forApi(config: FinanceConfig): DynamicModule {
    return {
      module: FinanceModule,
      imports: [
        PlatformModule.forService({ name: 'finance', config, process: 'api', entities, migrations }),
        CommunityDirectoryModule,
      ],
    };
  }

  static forWorker(config: FinanceConfig): DynamicModule {
    return {
      module: FinanceModule,
      imports: [PlatformModule.forService({ name: 'finance', config, process: 'worker', entities, migrations })],
    };
  }
}
