import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { SealMatter, SealMatterVersion } from '../../domain/seal-matter.js';

/** Publishes a new version of the district's 盖章证明事项清单, the whole list; old versions stay. */
export class PublishSealMattersCommand extends Command<SealMatterVersion> {
  constructor(
    readonly actor: Principal,
    readonly items: SealMatter[],
    readonly note: string | null,
  ) {
    super();
  }
}
