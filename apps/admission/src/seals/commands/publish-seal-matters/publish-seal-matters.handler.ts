import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RequestValidationError, TransactionRunner } from '@jianfu/platform';
import type { SealMatterVersion } from '../../domain/seal-matter.js';
import { SealMattersRepository } from '../../persistence/seal-matters.repository.js';
import { PublishSealMattersCommand } from './publish-seal-matters.command.js';

@CommandHandler(PublishSealMattersCommand)
export class PublishSealMattersHandler implements ICommandHandler<PublishSealMattersCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly matters: SealMattersRepository,
  ) {}

  async execute({ actor, items, note }: PublishSealMattersCommand): Promise<SealMatterVersion> {
    // A code names one matter of a version: a repeated one is refused naming its place in the request.
    const seen = new Set<string>();
    const duplicates = items.flatMap((item, index) => {
      if (!seen.has(item.code)) {
        seen.add(item.code);
        return [];
      }
      return [{ field: `items[${index}].code`, rule: 'unique', message: `code ${item.code} appears twice` }];
    });
    if (duplicates.length > 0) throw new RequestValidationError(duplicates);
    return this.transactions.run((tx) => this.matters.publish(tx, actor.scope.districtCode, items, actor.userId, note));
  }
}
