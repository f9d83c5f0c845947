import { Command } from '@nestjs/cqrs';
import type { RecruitmentStage, RecruitmentStatus } from '@jianfu/contracts/workflows';
import type { Principal } from '@jianfu/platform';

export class AdvanceRecruitmentCommand extends Command<RecruitmentStatus> {
  constructor(
    readonly postingId: string,
    readonly from: RecruitmentStage,
    readonly actor: Principal,
  ) {
    super();
  }
}
