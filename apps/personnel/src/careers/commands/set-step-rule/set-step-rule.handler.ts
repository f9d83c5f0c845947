import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, NotFoundError, TransactionRunner } from '@jianfu/platform';
import { assertDistrictWide } from '../../district-authority.js';
import type { StepRule } from '../../domain/eligibility.js';
import { CareersRepository } from '../../persistence/careers.repository.js';
import { SetStepRuleCommand } from './set-step-rule.command.js';
import { CareerErrors } from '../../domain/careers.errors.js';

/** Sets the caller's district's own rule for reaching a step; other districts keep theirs or the default. */
@CommandHandler(SetStepRuleCommand)
export class SetStepRuleHandler implements ICommandHandler<SetStepRuleCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly careers: CareersRepository,
  ) {}

  async execute(command: SetStepRuleCommand): Promise<StepRule> {
    assertDistrictWide(command.actor);
    const rule: StepRule = { ...command.rule, districtCode: command.actor.scope.districtCode };
    return this.transactions.run(async (tx) => {
      const step = await this.careers.step(tx, rule.trackCode, rule.stepCode);
      if (!step) throw new NotFoundError('career-step', `${rule.trackCode}/${rule.stepCode}`);
      if (step.ordinal === 1) {
        throw DomainError.of(
          CareerErrors['career.first-step'],
          `${step.name} is where the track starts; nobody is promoted to it`,
        );
      }
      await this.careers.upsertRule(tx, rule, command.actor.userId);
      return rule;
    });
  }
}
