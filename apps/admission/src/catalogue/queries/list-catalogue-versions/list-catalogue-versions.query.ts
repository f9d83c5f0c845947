import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { CatalogueVersion } from '../../persistence/catalogue.repository.js';

/** Every published version of the caller's district catalogue, newest first. */
export class ListCatalogueVersionsQuery extends Query<{ items: CatalogueVersion[]; total: number }> {
  constructor(
    readonly actor: Principal,
    readonly page: { offset: number; limit: number },
  ) {
    super();
  }
}
