import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { CareerStep, StepRule } from '../../domain/eligibility.js';

export interface CareerTrackView {
  code: string;
  name: string;
  steps: (CareerStep & { rule: StepRule | null; placesAvailable: number | null })[];
}

export class ListCareerTracksQuery extends Query<Page<CareerTrackView>> {
  constructor(
    readonly actor: Principal,
    readonly offset: number,
    readonly limit: number,
  ) {
    super();
  }
}
