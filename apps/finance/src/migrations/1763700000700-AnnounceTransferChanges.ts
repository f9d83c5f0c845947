import type { MigrationInterface, QueryRunner } from 'typeorm';
import { announceChanges, createChangeNotifier, stopAnnouncingChanges } from '@jianfu/platform';

/**
 * Announces committed changes to a task's fund transfers, so `GET /task-fund-transfers/:taskId` can answer a client
 * waiting for a change (`Prefer: wait`) as soon as it commits, instead of the client polling.
 */
export class AnnounceTransferChanges1763700000700 implements MigrationInterface {
  name = 'AnnounceTransferChanges1763700000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createChangeNotifier(queryRunner);
    await announceChanges(queryRunner, 'task_fund_transfer', 'task_id');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await stopAnnouncingChanges(queryRunner, 'task_fund_transfer');
  }
}
