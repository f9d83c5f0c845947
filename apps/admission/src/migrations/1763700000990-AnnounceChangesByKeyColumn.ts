import type { MigrationInterface, QueryRunner } from 'typeorm';
import { announceChanges, createChangeNotifier } from '@jianfu/platform';

/** The tables and key columns announced since AnnounceSubmissionChanges1763700000980. */
const announced: [table: string, keyColumn: string][] = [
  ['submission', 'id'],
  ['approval_inbox_item', 'subject_id'],
  ['approval_audit_entry', 'subject_id'],
  ['task', 'submission_id'],
  ['task_community', 'community_id'],
];

/**
 * The change announcements read their key column alone: the first notifier converted every changed row to JSON to
 * read one column, so each audit entry's insert also converted its step snapshot (every slot of the step).
 */
export class AnnounceChangesByKeyColumn1763700000990 implements MigrationInterface {
  name = 'AnnounceChangesByKeyColumn1763700000990';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, keyColumn] of announced) await announceChanges(queryRunner, table, keyColumn);
    await queryRunner.query(`DROP FUNCTION IF EXISTS notify_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await createChangeNotifier(queryRunner);
    for (const [table, keyColumn] of announced) {
      await queryRunner.query(
        `CREATE OR REPLACE TRIGGER ${table}_announces_changes AFTER INSERT OR UPDATE OR DELETE ON ${table}
         FOR EACH ROW EXECUTE FUNCTION notify_change('${keyColumn}')`,
      );
    }
    for (const keyColumn of new Set(announced.map(([, column]) => column))) {
      await queryRunner.query(`DROP FUNCTION IF EXISTS notify_change_by_${keyColumn}()`);
    }
  }
}
