import { Command } from '@nestjs/cqrs';
import type { OpinionPurpose, OpinionSubjectKind } from '@jianfu/contracts';
import type { Principal } from '@jianfu/platform';

export interface OpinionRequestDraft {
  subjectKind: OpinionSubjectKind;
  subjectId: string;
  subjectName: string;
  departmentId?: string;
  purpose: OpinionPurpose;
  publicityText: string;
  windowWorkingDays: number;
  communityIds: string[];
}

export class RequestOpinionsCommand extends Command<{ requestId: string; workflowId: string }> {
  constructor(
    readonly draft: OpinionRequestDraft,
    readonly actor: Principal,
  ) {
    super();
  }
}
