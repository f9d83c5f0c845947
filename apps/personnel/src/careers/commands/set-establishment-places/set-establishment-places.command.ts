import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export class SetEstablishmentPlacesCommand extends Command<{ places: number; held: number; available: number }> {
  constructor(
    readonly trackCode: string,
    readonly stepCode: string,
    readonly places: number,
    readonly actor: Principal,
  ) {
    super();
  }
}
