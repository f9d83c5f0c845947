import { Module } from '@nestjs/common';
import { CatalogueController } from './api/catalogue.controller.js';
import { CatalogueRepository } from './persistence/catalogue.repository.js';

@Module({ controllers: [CatalogueController], providers: [CatalogueRepository], exports: [CatalogueRepository] })
export class CatalogueModule {}

/** The repository alone, for the worker's pre-check activity. */
@Module({ providers: [CatalogueRepository], exports: [CatalogueRepository] })
export class CataloguePersistenceModule {}
