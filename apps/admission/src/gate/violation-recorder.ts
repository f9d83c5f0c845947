import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ViolationRecorded } from '@jianfu/contracts';
import { EventPublisher, type Transaction } from '@jianfu/platform';
import { type NewViolation, ViolationsRepository } from './persistence/violations.repository.js';

/**
 * Records a violation (违规摊派) and publishes it in the same transaction, whatever refused the demand: the
 * task gate, a seal or plaque request, or a secretary's report. 双评议 counts what is published here.
 */
@Injectable()
export class ViolationRecorder {
  constructor(
    private readonly violations: ViolationsRepository,
    private readonly events: EventPublisher,
  ) {}

  async record(
    tx: Transaction,
    violation: Omit<NewViolation, 'id'>,
  ): Promise<{ violationId: string; recordedAt: Date }> {
    const id = randomUUID();
    const recordedAt = await this.violations.insert(tx, { ...violation, id });
    await this.events.publish(tx, ViolationRecorded, {
      aggregateId: violation.departmentId,
      payload: {
        violationId: id,
        departmentId: violation.departmentId,
        communityId: violation.communityId,
        ...(violation.taskId ? { taskId: violation.taskId } : {}),
        // v1 has no kind field: the code in front of the reason names what was refused (seal.*, plaque.*, gate.*).
        reason: `${violation.code}: ${violation.reason}`.slice(0, 500),
        recordedAt: recordedAt.toISOString(),
      },
    });
    return { violationId: id, recordedAt };
  }
}
