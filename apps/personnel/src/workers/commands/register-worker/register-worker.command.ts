import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { EducationLevel } from '../../domain/education.js';

export interface WorkerProfile {
  employeeNo: string;
  name: string;
  communityId: string;
  postStep: string;
  postSince: string;
  titleStep: string;
  titleSince: string;
  education: EducationLevel;
  partyMember: boolean;
  hireDate: string;
  certificates: string[];
}

export class RegisterWorkerCommand extends Command<{ workerId: string }> {
  constructor(
    readonly profile: WorkerProfile,
    readonly reason: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
