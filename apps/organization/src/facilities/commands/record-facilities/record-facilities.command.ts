import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { ServiceStation } from '../../domain/facility-standard.js';
import type { FacilityView } from '../../queries/get-facilities/facility.view.js';

export class RecordFacilitiesCommand extends Command<FacilityView> {
  constructor(
    readonly communityId: string,
    readonly officeAreaM2: number,
    readonly serviceAreaM2: number,
    readonly stations: ServiceStation[],
    readonly actor: Principal,
  ) {
    super();
  }
}
