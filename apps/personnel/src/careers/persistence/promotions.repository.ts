import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf } from '@jianfu/platform/persistence';
import type { PromotionRequest, PromotionStatus } from '../domain/promotion-request.js';
import { PromotionRequestEntity } from './promotion-request.entity.js';

const uniqueViolation = '23505';

@Injectable()
export class PromotionsRepository {
  /** False when the worker already has a promotion on this track under review. */
  async insert(
    tx: Transaction,
    request: Pick<PromotionRequest, 'id' | 'workerId' | 'trackCode' | 'fromStep' | 'toStep' | 'reason' | 'requestedBy'>,
  ): Promise<boolean> {
    await entityManagerOf(tx).query('SAVEPOINT promotion_insert');
    try {
      await entityManagerOf(tx).insert(PromotionRequestEntity, {
        ...request,
        status: 'in-review',
        decidedBy: null,
        decisionReason: null,
        decidedAt: null,
      });
      await entityManagerOf(tx).query('RELEASE SAVEPOINT promotion_insert');
      return true;
    } catch (error) {
      await entityManagerOf(tx).query('ROLLBACK TO SAVEPOINT promotion_insert');
      if ((error as { driverError?: { code?: string } }).driverError?.code === uniqueViolation) return false;
      throw error;
    }
  }

  async find(tx: Transaction, id: string): Promise<PromotionRequest | null> {
    return entityManagerOf(tx).findOne(PromotionRequestEntity, { where: { id } });
  }

  async findForUpdate(tx: Transaction, id: string): Promise<PromotionRequest | null> {
    return entityManagerOf(tx).findOne(PromotionRequestEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async forWorker(tx: Transaction, workerId: string): Promise<PromotionRequest[]> {
    return entityManagerOf(tx).find(PromotionRequestEntity, { where: { workerId }, order: { requestedAt: 'ASC' } });
  }

  async close(
    tx: Transaction,
    id: string,
    outcome: { status: PromotionStatus; decidedBy: string | null; reason: string | null },
  ): Promise<void> {
    await entityManagerOf(tx).update(
      PromotionRequestEntity,
      { id },
      { status: outcome.status, decidedBy: outcome.decidedBy, decisionReason: outcome.reason, decidedAt: new Date() },
    );
  }
}
