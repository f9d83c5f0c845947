import { Module } from '@nestjs/common';
import { CatalogueBaselineController } from './api/catalogue-baseline.controller.js';
import { CatalogueController } from './api/catalogue.controller.js';
import { CatalogueBaselineRepository } from './persistence/catalogue-baseline.repository.js';
import { CatalogueRepository } from './persistence/catalogue.repository.js';
import { VersionProposalsModule } from '../version-proposals/version-proposals.js';

@Module({
  imports: [VersionProposalsModule],
  controllers: [CatalogueController, CatalogueBaselineController],
  providers: [CatalogueRepository, CatalogueBaselineRepository],
  exports: [CatalogueRepository],
})
export class CatalogueModule {}

/** The repository alone, for the worker's pre-check activity. */
@Module({ providers: [CatalogueRepository], exports: [CatalogueRepository] })
export class CataloguePersistenceModule {}
