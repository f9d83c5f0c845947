import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export interface SealRequestInput {
  communityId: string;
  matterCode: string;
  requestedFor: string;
  documentSha256: string;
}

/** A department asks a community to certify a matter (盖章证明). */
export class RequestSealCommand extends Command<{
  requestId: string;
  status: 'accepted';
  communityId: string;
  departmentId: string;
  matterCode: string;
  matterName: string;
  basis: string;
  listVersion: number;
  requestedAt: Date;
}> {
  constructor(
    readonly actor: Principal,
    readonly input: SealRequestInput,
  ) {
    super();
  }
}
