import { Module } from '@nestjs/common';
import { CatalogueBaselineController } from './api/catalogue-baseline.controller.js';
import { CatalogueController } from './api/catalogue.controller.js';
import { DecideCatalogueProposalHandler } from './commands/decide-catalogue-proposal/decide-catalogue-proposal.handler.js';
import { ImportCatalogueVersionHandler } from './commands/import-catalogue-version/import-catalogue-version.handler.js';
import { MarkCatalogueBaselineHandler } from './commands/mark-catalogue-baseline/mark-catalogue-baseline.handler.js';
import { ProposeCatalogueVersionHandler } from './commands/propose-catalogue-version/propose-catalogue-version.handler.js';
import { RecordRemovalReasonsHandler } from './commands/record-removal-reasons/record-removal-reasons.handler.js';
import { CatalogueBaselineRepository } from './persistence/catalogue-baseline.repository.js';
import { CatalogueRepository } from './persistence/catalogue.repository.js';
import { GetBaselineDiffHandler } from './queries/get-baseline-diff/get-baseline-diff.handler.js';
import { GetCatalogueProposalHandler } from './queries/get-catalogue-proposal/get-catalogue-proposal.handler.js';
import { GetCatalogueVersionHandler } from './queries/get-catalogue-version/get-catalogue-version.handler.js';
import { ListCatalogueProposalsHandler } from './queries/list-catalogue-proposals/list-catalogue-proposals.handler.js';
import { ListCatalogueVersionsHandler } from './queries/list-catalogue-versions/list-catalogue-versions.handler.js';
import { VersionProposalsModule } from '../version-proposals/version-proposals.js';

@Module({
  imports: [VersionProposalsModule],
  controllers: [CatalogueController, CatalogueBaselineController],
  providers: [
    CatalogueRepository,
    CatalogueBaselineRepository,
    ProposeCatalogueVersionHandler,
    ImportCatalogueVersionHandler,
    ListCatalogueProposalsHandler,
    GetCatalogueProposalHandler,
    DecideCatalogueProposalHandler,
    ListCatalogueVersionsHandler,
    GetCatalogueVersionHandler,
    MarkCatalogueBaselineHandler,
    RecordRemovalReasonsHandler,
    GetBaselineDiffHandler,
  ],
  exports: [CatalogueRepository],
})
export class CatalogueModule {}

/** The repository alone, for the worker's pre-check activity. */
@Module({ providers: [CatalogueRepository], exports: [CatalogueRepository] })
export class CataloguePersistenceModule {}
