import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { AgreementProject, AgreementView } from '../../persistence/co-building.repository.js';

export class SignAgreementCommand extends Command<AgreementView> {
  constructor(
    readonly code: string,
    readonly communityCode: string,
    readonly residentUnitCode: string,
    readonly startsOn: string,
    readonly endsOn: string,
    readonly projects: AgreementProject[],
    readonly actor: Principal,
  ) {
    super();
  }
}
