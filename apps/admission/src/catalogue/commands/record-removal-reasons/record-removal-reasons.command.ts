import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { RecordedRemoval } from '../../domain/baseline-diff.js';

/** Records why baseline items left the caller's district catalogue; a later record of a code stands. */
export class RecordRemovalReasonsCommand extends Command<{ recorded: number }> {
  constructor(
    readonly actor: Principal,
    readonly reasons: RecordedRemoval[],
  ) {
    super();
  }
}
