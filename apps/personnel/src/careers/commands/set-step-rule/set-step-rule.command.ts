import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { StepRule } from '../../domain/eligibility.js';

export class SetStepRuleCommand extends Command<StepRule> {
  constructor(
    readonly rule: Omit<StepRule, 'districtCode'>,
    readonly actor: Principal,
  ) {
    super();
  }
}
