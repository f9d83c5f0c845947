import type { MigrationInterface, QueryRunner } from 'typeorm';
import { announceChanges, createChangeNotifier, stopAnnouncingChanges } from '@jianfu/platform';

/** What a submission's detail and a community's task list are read from, by the id a waiting read names. */
const announced: [table: string, keyColumn: string][] = [
  ['submission', 'id'],
  ['approval_inbox_item', 'subject_id'],
  ['approval_audit_entry', 'subject_id'],
  ['task', 'submission_id'],
  ['task_community', 'community_id'],
];

/**
 * Announces committed changes to a submission (its row, its review's steps and audit trail, its task) and to a
 * community's tasks, so `GET /submissions/:id` and `GET /communities/:id/tasks` can answer a client waiting for a
 * change (`Prefer: wait`) as soon as it commits, instead of the client polling.
 */
export class AnnounceSubmissionChanges1763700000980 implements MigrationInterface {
  name = 'AnnounceSubmissionChanges1763700000980';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createChangeNotifier(queryRunner);
    for (const [table, keyColumn] of announced) await announceChanges(queryRunner, table, keyColumn);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table] of announced) await stopAnnouncingChanges(queryRunner, table);
  }
}
