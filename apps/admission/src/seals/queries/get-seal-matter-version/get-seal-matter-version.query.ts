import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { SealMatter, SealMatterVersion } from '../../domain/seal-matter.js';

/** One version of the district's 盖章证明事项清单 with its matters; `current` names the newest. */
export class GetSealMatterVersionQuery extends Query<SealMatterVersion & { items: SealMatter[] }> {
  constructor(
    readonly actor: Principal,
    readonly version: string,
  ) {
    super();
  }
}
