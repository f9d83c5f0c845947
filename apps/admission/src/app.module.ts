import { type DynamicModule, Module } from '@nestjs/common';
import {
  CommunityDirectoryModule,
  CreateCommunityDirectory1763700000050,
  DirectoryCommunityEntity,
} from '@jianfu/community-directory';
import { PlatformModule } from '@jianfu/platform';
import type { AdmissionConfig } from './config.js';

const entities = [DirectoryCommunityEntity];
const migrations = [CreateCommunityDirectory1763700000050];

/** The admission service: 工作准入制: the admission catalogue, submissions, review and the gate. */
@Module({})
export class AdmissionModule {
  static forApi(config: AdmissionConfig): DynamicModule {
    return {
      module: AdmissionModule,
      imports: [
        PlatformModule.forService({ name: 'admission', config, process: 'api', entities, migrations }),
        CommunityDirectoryModule,
      ],
    };
  }

  static forWorker(config: AdmissionConfig): DynamicModule {
    return {
      module: AdmissionModule,
      imports: [PlatformModule.forService({ name: 'admission', config, process: 'worker', entities, migrations })],
    };
  }
}
