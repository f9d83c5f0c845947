import type { QueryRunner } from 'typeorm';

/**
 * The channel on which a schema's committed changes are announced, as SQL (in the trigger) and as a name (for
 * LISTEN). Its prefix is as long as the outbox's, so every schema whose outbox can notify can announce changes too:
 * a channel name over 63 bytes would fail the write that announces it.
 */
const changeChannelSql = `'jianfu_change_' || TG_TABLE_SCHEMA`;
export function changeChannel(schema: string): string {
  return `jianfu_change_${schema}`;
}

/**
 * The whole-row notifier of the first migrations that announced changes (admission 980, finance 700): it converts
 * the changed row to JSON to read one column, large snapshots included. Replaced by a function per key column
 * (`announceChanges`); kept so those migrations still run as they ran.
 */
export async function createChangeNotifier(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
    CREATE OR REPLACE FUNCTION notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      changed jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
    BEGIN
      IF changed ->> TG_ARGV[0] IS NOT NULL THEN
        PERFORM pg_notify(${changeChannelSql}, changed ->> TG_ARGV[0]);
      END IF;
      RETURN NULL;
    END $$`);
}

/**
 * Announces every committed insert, update and delete of `table` under the id in `keyColumn`, so a read that waits
 * for a change (`WaitsForChange`) wakes and reads again. Postgres delivers a notification only when its transaction
 * commits, once per distinct payload in a transaction, and never for a rollback. An announcement is only a hint to
 * read sooner: a waiting read also reads again when its wait ends.
 *
 * The trigger function is one per key column (`notify_change_by_<column>`), shared by the tables keyed by it: it
 * reads that column of the row and nothing else. Idempotent: it replaces the table's trigger if there is one.
 */
export async function announceChanges(queryRunner: QueryRunner, table: string, keyColumn: string): Promise<void> {
  const notifier = `notify_change_by_${keyColumn}`;
  await queryRunner.query(`
    CREATE OR REPLACE FUNCTION ${notifier}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        IF OLD.${keyColumn} IS NOT NULL THEN
          PERFORM pg_notify(${changeChannelSql}, OLD.${keyColumn}::text);
        END IF;
      ELSIF NEW.${keyColumn} IS NOT NULL THEN
        PERFORM pg_notify(${changeChannelSql}, NEW.${keyColumn}::text);
      END IF;
      RETURN NULL;
    END $$`);
  await stopAnnouncingChanges(queryRunner, table);
  await queryRunner.query(
    `CREATE TRIGGER ${table}_announces_changes AFTER INSERT OR UPDATE OR DELETE ON ${table}
     FOR EACH ROW EXECUTE FUNCTION ${notifier}()`,
  );
}

export async function stopAnnouncingChanges(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(`DROP TRIGGER IF EXISTS ${table}_announces_changes ON ${table}`);
}
