import type { MigrationInterface, QueryRunner } from 'typeorm';
import { announceChanges, createChangeNotifier } from '@jianfu/platform';

/**
 * The transfer's change announcements read their key column alone, as admission's do since
 * AnnounceChangesByKeyColumn1763700000990: the first notifier converted every changed row to JSON to read one column.
 */
export class AnnounceTransferChangesByKeyColumn1763700000710 implements MigrationInterface {
  name = 'AnnounceTransferChangesByKeyColumn1763700000710';

  async up(queryRunner: QueryRunner): Promise<void> {
    await announceChanges(queryRunner, 'task_fund_transfer', 'task_id');
    await queryRunner.query(`DROP FUNCTION IF EXISTS notify_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await createChangeNotifier(queryRunner);
    await queryRunner.query(
      `CREATE OR REPLACE TRIGGER task_fund_transfer_announces_changes AFTER INSERT OR UPDATE OR DELETE
       ON task_fund_transfer FOR EACH ROW EXECUTE FUNCTION notify_change('task_id')`,
    );
    await queryRunner.query(`DROP FUNCTION IF EXISTS notify_change_by_task_id()`);
  }
}
