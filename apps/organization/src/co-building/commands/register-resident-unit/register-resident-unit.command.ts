import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { ResidentUnitKind } from '../../domain/resident-unit.js';

export class RegisterResidentUnitCommand extends Command<{ residentUnitId: string }> {
  constructor(
    readonly code: string,
    readonly name: string,
    readonly kind: ResidentUnitKind,
    readonly communityCode: string,
    readonly partyMemberCount: number,
    readonly actor: Principal,
  ) {
    super();
  }
}
