import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The approval inbox and audit trail each service with approvals keeps in its own schema. */
export class CreateApprovalTables1763700000060 implements MigrationInterface {
  name = 'CreateApprovalTables1763700000060';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE approval_inbox_item (
        workflow_id        text        NOT NULL,
        step_id            text        NOT NULL,
        slot_id            text        NOT NULL,
        kind               text        NOT NULL CHECK (kind IN ('review', 'copy')),
        subject_type       text        NOT NULL,
        subject_id         text        NOT NULL,
        title              text        NOT NULL,
        district_code      text        NOT NULL,
        department_id      text,
        submitter_id       text        NOT NULL,
        step_name          text        NOT NULL,
        assignee_user_id   text,
        assignee_role      text,
        assignee_scope_ref text,
        state              text        NOT NULL CHECK (state IN ('open', 'done', 'closed')),
        step_state         text        NOT NULL,
        decision           text,
        deadline_at        timestamptz,
        reminders          integer     NOT NULL DEFAULT 0,
        escalated          boolean     NOT NULL DEFAULT false,
        opened_at          timestamptz NOT NULL,
        closed_at          timestamptz,
        last_sequence      integer     NOT NULL,
        PRIMARY KEY (workflow_id, step_id, slot_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX approval_inbox_item_user ON approval_inbox_item (assignee_user_id, state, deadline_at)',
    );
    await queryRunner.query(
      'CREATE INDEX approval_inbox_item_role ON approval_inbox_item (assignee_role, state) WHERE assignee_user_id IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX approval_inbox_item_subject ON approval_inbox_item (subject_type, subject_id)',
    );
    await queryRunner.query(`
      CREATE TABLE approval_audit_entry (
        workflow_id    text        NOT NULL,
        sequence       integer     NOT NULL,
        subject_type   text        NOT NULL,
        subject_id     text        NOT NULL,
        district_code  text        NOT NULL,
        step_id        text        NOT NULL,
        step_name      text        NOT NULL,
        actor_id       text        NOT NULL,
        actor_role     text,
        action         text        NOT NULL,
        reason         text,
        comment        text,
        target_user_id text,
        state_before   text        NOT NULL,
        state_after    text        NOT NULL,
        step_snapshot  jsonb       NOT NULL,
        occurred_at    timestamptz NOT NULL,
        recorded_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workflow_id, sequence)
      )`);
    await queryRunner.query(
      'CREATE INDEX approval_audit_entry_subject ON approval_audit_entry (subject_type, subject_id, occurred_at)',
    );
    // Append-only: an audit trail that can be edited proves nothing.
    await queryRunner.query(`
      CREATE FUNCTION approval_audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'approval_audit_entry is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER approval_audit_entry_append_only BEFORE UPDATE OR DELETE ON approval_audit_entry
      FOR EACH ROW EXECUTE FUNCTION approval_audit_entry_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE approval_audit_entry');
    await queryRunner.query('DROP FUNCTION approval_audit_entry_append_only()');
    await queryRunner.query('DROP TABLE approval_inbox_item');
  }
}
