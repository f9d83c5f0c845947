import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { CatalogueItem } from '../../domain/catalogue-item.js';

/** The items of one version of the caller's district catalogue; `current` names the newest. */
export class GetCatalogueVersionQuery extends Query<{ districtCode: string; version: number; items: CatalogueItem[] }> {
  constructor(
    readonly actor: Principal,
    /** A version number or `current`, as the path carries it. */
    readonly version: string,
  ) {
    super();
  }
}
