import { Module } from '@nestjs/common';
import { CommunitiesController } from './api/communities.controller.js';
import { CreateCommunityHandler } from './commands/create-community/create-community.handler.js';
import { CreateGridHandler } from './commands/create-grid/create-grid.handler.js';
import { CreateStreetHandler } from './commands/create-street/create-street.handler.js';
import { MergeCommunityHandler } from './commands/merge-community/merge-community.handler.js';
import { MoveUnitHandler } from './commands/move-unit/move-unit.handler.js';
import { RenameUnitHandler } from './commands/rename-unit/rename-unit.handler.js';
import { SplitCommunityHandler } from './commands/split-community/split-community.handler.js';
import { OrganisationUnitsRepository } from './persistence/organisation-units.repository.js';
import { GetCommunityHandler } from './queries/get-community/get-community.handler.js';
import { GetUnitHistoryHandler } from './queries/get-unit-history/get-unit-history.handler.js';
import { ListCommunitiesHandler } from './queries/list-communities/list-communities.handler.js';
import { ListGridsHandler } from './queries/list-grids/list-grids.handler.js';
import { ListStreetsHandler } from './queries/list-streets/list-streets.handler.js';

@Module({
  controllers: [CommunitiesController],
  providers: [
    OrganisationUnitsRepository,
    CreateStreetHandler,
    CreateCommunityHandler,
    CreateGridHandler,
    RenameUnitHandler,
    MoveUnitHandler,
    MergeCommunityHandler,
    SplitCommunityHandler,
    GetCommunityHandler,
    ListStreetsHandler,
    ListCommunitiesHandler,
    ListGridsHandler,
    GetUnitHistoryHandler,
  ],
  exports: [OrganisationUnitsRepository],
})
export class CommunitiesModule {}
