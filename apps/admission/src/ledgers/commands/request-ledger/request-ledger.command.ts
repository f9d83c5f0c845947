import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { LedgerFrequency } from '../../domain/ledger.js';

export interface LedgerRequestInput {
  communityId: string;
  name: string;
  frequency: LedgerFrequency;
  templateSha256: string | null;
  catalogueItemCode: string;
}

/** A department asks a community to keep a ledger (台账) under a catalogue item. */
export class RequestLedgerCommand extends Command<{
  requestId: string;
  status: 'accepted';
  communityId: string;
  departmentId: string;
  name: string;
  frequency: LedgerFrequency;
  catalogueItemCode: string;
  catalogueVersion: number;
  requestedAt: Date;
}> {
  constructor(
    readonly actor: Principal,
    readonly input: LedgerRequestInput,
  ) {
    super();
  }
}
