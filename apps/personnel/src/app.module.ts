import { type DynamicModule, Module } from '@nestjs/common';
import {
  CommunityDirectoryModule,
  CreateCommunityDirectory1763700000050,
  DirectoryCommunityEntity,
} from '@jianfu/community-directory';
import { PlatformModule } from '@jianfu/platform';
import type { PersonnelConfig } from './config.js';

const entities = [DirectoryCommunityEntity];
const migrations = [CreateCommunityDirectory1763700000050];

/** The personnel service: Cadre pipelines: recruitment, the two career tracks, graded assessments and awards. */
@Module({})
export class PersonnelModule {
  static forApi(config: PersonnelConfig): DynamicModule {
    return {
      module: PersonnelModule,
      imports: [
        PlatformModule.forService({ name: 'personnel', config, process: 'api', entities, migrations }),
        CommunityDirectoryModule,
      ],
    };
  }

  static forWorker(config: PersonnelConfig): DynamicModule {
    return {
      module: PersonnelModule,
      imports: [PlatformModule.forService({ name: 'personnel', config, process: 'worker', entities, migrations })],
    };
  }
}
