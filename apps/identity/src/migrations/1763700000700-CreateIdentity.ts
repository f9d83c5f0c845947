import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users, their role assignments, the append-only audit log, and the OpenID Provider's own state: its
 * short-lived artefacts (sessions, interactions, codes, grants, refresh tokens), signing keys and cookie keys.
 */
export class CreateIdentity1763700000700 implements MigrationInterface {
  name = 'CreateIdentity1763700000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      // login_key is the login name folded to lower case: "ZhangSan" and "zhangsan" are one account.
      `CREATE TABLE app_user (
        id                   uuid PRIMARY KEY,
        login_name           text NOT NULL,
        login_key            text NOT NULL UNIQUE,
        display_name         text NOT NULL,
        phone                text,
        status               text NOT NULL CHECK (status IN ('active', 'disabled')),
        password_hash        text NOT NULL,
        must_change_password boolean NOT NULL,
        failed_sign_ins      integer NOT NULL DEFAULT 0,
        locked_until         timestamptz,
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now()
      )`,
      // Revoked assignments stay (revoked_at set): who could do what, when, remains answerable.
      `CREATE TABLE role_assignment (
        id             uuid PRIMARY KEY,
        user_id        uuid NOT NULL REFERENCES app_user (id),
        role           text NOT NULL,
        district_code  text NOT NULL,
        street_codes   text[],
        community_ids  text[],
        department_id  text,
        assigned_by    text NOT NULL,
        assigned_at    timestamptz NOT NULL DEFAULT now(),
        revoked_by     text,
        revoked_at     timestamptz
      )`,
      `CREATE UNIQUE INDEX role_assignment_active ON role_assignment (user_id, role) WHERE revoked_at IS NULL`,
      `CREATE TABLE audit_entry (
        id             bigserial PRIMARY KEY,
        occurred_at    timestamptz NOT NULL DEFAULT now(),
        action         text NOT NULL,
        actor_id       text,
        user_id        uuid,
        login_name     text,
        remote_address text,
        detail         jsonb NOT NULL DEFAULT '{}'::jsonb
      )`,
      `CREATE INDEX audit_entry_user ON audit_entry (user_id, occurred_at)`,
      // Failed sign-ins per address, counted over a recent window to throttle guessing across login names.
      `CREATE INDEX audit_entry_failed_sign_in ON audit_entry (remote_address, occurred_at)
        WHERE action = 'sign-in.failed'`,
      `CREATE FUNCTION audit_entry_immutable() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'audit entries are immutable: % on % refused', TG_OP, TG_TABLE_NAME;
      END $$ LANGUAGE plpgsql`,
      `CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
        FOR EACH ROW EXECUTE FUNCTION audit_entry_immutable()`,
      `CREATE TABLE oidc_payload (
        kind        text NOT NULL,
        id          text NOT NULL,
        payload     jsonb NOT NULL,
        grant_id    text,
        user_code   text,
        uid         text,
        expires_at  timestamptz,
        consumed_at timestamptz,
        PRIMARY KEY (kind, id)
      )`,
      `CREATE INDEX oidc_payload_grant ON oidc_payload (grant_id) WHERE grant_id IS NOT NULL`,
      `CREATE INDEX oidc_payload_uid ON oidc_payload (kind, uid) WHERE uid IS NOT NULL`,
      `CREATE INDEX oidc_payload_user_code ON oidc_payload (kind, user_code) WHERE user_code IS NOT NULL`,
      `CREATE INDEX oidc_payload_expiry ON oidc_payload (expires_at)`,
      // retired_at: when the key leaves the published set; a key signs from activated_at until the next one does.
      `CREATE TABLE signing_key (
        kid          text PRIMARY KEY,
        private_jwk  jsonb NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        activated_at timestamptz NOT NULL DEFAULT now(),
        retired_at   timestamptz
      )`,
      `CREATE TABLE provider_secret (
        name       text PRIMARY KEY,
        value      text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'provider_secret',
      'signing_key',
      'oidc_payload',
      'audit_entry',
      'role_assignment',
      'app_user',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS audit_entry_immutable()`);
  }
}
