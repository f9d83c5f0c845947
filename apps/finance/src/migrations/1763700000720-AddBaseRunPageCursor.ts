import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a base allocation run's last page ended (its last community in the directory's code order, and the offset
 * after it), so the next page reads on from there through the index instead of walking past every community before
 * it (`OFFSET`). Null until a page is recorded, and again when a run of the year starts.
 */
export class AddBaseRunPageCursor1763700000720 implements MigrationInterface {
  name = 'AddBaseRunPageCursor1763700000720';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE base_allocation_run
         ADD COLUMN page_cursor_offset integer CHECK (page_cursor_offset >= 0),
         ADD COLUMN page_cursor_code text,
         ADD COLUMN page_cursor_community_id uuid`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE base_allocation_run
         DROP COLUMN page_cursor_offset, DROP COLUMN page_cursor_code, DROP COLUMN page_cursor_community_id`,
    );
  }
}
