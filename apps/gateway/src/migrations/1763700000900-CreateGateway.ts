import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The gateway's own state: sign-ins under way, sessions, and notifications (站内信) with their read state.
 * Session ids and sign-in ids are stored hashed: a read of this schema yields no cookie that works; the tokens a
 * session holds are encrypted under SESSION_SECRET.
 */
export class CreateGateway1763700000900 implements MigrationInterface {
  name = 'CreateGateway1763700000900';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      // One row per browser that was sent to the identity service and has not come back yet (single use).
      `CREATE TABLE sign_in_attempt (
        id_hash        text PRIMARY KEY,
        state          text NOT NULL,
        nonce          text NOT NULL,
        code_verifier  text NOT NULL,
        return_to      text NOT NULL,
        expires_at     timestamptz NOT NULL
      )`,
      `CREATE INDEX sign_in_attempt_expires ON sign_in_attempt (expires_at)`,
      `CREATE TABLE session (
        id_hash           text PRIMARY KEY,
        user_id           text NOT NULL,
        principal         jsonb NOT NULL,
        csrf_token        text NOT NULL,
        tokens            text NOT NULL,
        access_expires_at timestamptz NOT NULL,
        created_at        timestamptz NOT NULL DEFAULT now(),
        last_seen_at      timestamptz NOT NULL DEFAULT now(),
        expires_at        timestamptz NOT NULL
      )`,
      `CREATE INDEX session_expires ON session (expires_at)`,
      // One notification per event and audience; the audience follows the approval kit's slot rule (a user, a
      // role, or a role within a scope) so that everyone whose principal matches sees the same row.
      `CREATE TABLE notification (
        id                    uuid PRIMARY KEY,
        source_event_id       uuid NOT NULL,
        audience_key          text NOT NULL,
        district_code         text NOT NULL,
        audience_user_id      text,
        audience_role         text,
        audience_scope_level  text CHECK (audience_scope_level IN ('district', 'street', 'community', 'department', 'unit')),
        audience_scope_units  text[] NOT NULL DEFAULT '{}',
        kind                  text NOT NULL
                              CHECK (kind IN ('todo', 'reminder', 'escalation', 'lapse', 'decision', 'funds-arrived')),
        title                 text NOT NULL,
        body                  text NOT NULL,
        link                  text NOT NULL,
        created_at            timestamptz NOT NULL,
        CHECK (audience_user_id IS NOT NULL OR audience_role IS NOT NULL),
        UNIQUE (source_event_id, audience_key)
      )`,
      `CREATE INDEX notification_user ON notification (audience_user_id, created_at DESC)`,
      `CREATE INDEX notification_role ON notification (district_code, audience_role, created_at DESC)`,
      `CREATE TABLE notification_read (
        notification_id uuid NOT NULL REFERENCES notification (id),
        user_id         text NOT NULL,
        read_at         timestamptz NOT NULL,
        PRIMARY KEY (notification_id, user_id)
      )`,
      // Who submitted each submission, from admission.submission.submitted, so a later decision reaches them.
      `CREATE TABLE submission_submitter (
        submission_id  uuid PRIMARY KEY,
        submitter_id   text NOT NULL,
        department_id  uuid NOT NULL,
        district_code  text NOT NULL
      )`,
      // Task titles from admission.task.admitted, so that "funds arrived" can name the task.
      `CREATE TABLE known_task (
        task_id        uuid PRIMARY KEY,
        submission_id  uuid NOT NULL,
        district_code  text NOT NULL,
        title          text NOT NULL
      )`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'known_task',
      'submission_submitter',
      'notification_read',
      'notification',
      'session',
      'sign_in_attempt',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
