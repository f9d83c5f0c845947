import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { DemandKind } from '../../domain/admitted-task.js';

/** A community refuses a demand that reached it outside admission (a task, meeting, ledger, seal or plaque). */
export class RefuseWorkCommand extends Command<{
  violationId: string;
  recordedAt: Date;
  communityId: string;
  departmentId: string;
  kind: DemandKind;
}> {
  constructor(
    readonly actor: Principal,
    readonly communityId: string,
    readonly demand: {
      departmentId: string;
      taskId?: string;
      title: string;
      reason?: string;
      kind: DemandKind;
    },
  ) {
    super();
  }
}
