import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { EducationLevel } from '../../../workers/domain/education.js';

export interface Applicant {
  candidateNo: string;
  name: string;
  communityId: string;
  education: EducationLevel;
  partyMember: boolean;
}

export class AddApplicationCommand extends Command<{ applicationId: string }> {
  constructor(
    readonly postingId: string,
    readonly applicant: Applicant,
    readonly actor: Principal,
  ) {
    super();
  }
}
