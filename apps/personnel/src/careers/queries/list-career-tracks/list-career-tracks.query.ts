import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { CareerStep, StepRule } from '../../domain/eligibility.js';

export interface CareerTrackView {
  code: string;
  name: string;
  steps: (CareerStep & { rule: StepRule | null; placesAvailable: number | null })[];
}

export class ListCareerTracksQuery extends Query<CareerTrackView[]> {
  constructor(readonly actor: Principal) {
    super();
  }
}
