import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The double-entry ledger. Postings and transfers are append-only (triggers refuse UPDATE and DELETE);
 * a deferred constraint trigger checks at commit that every transfer's postings sum to zero; each
 * account keeps a running balance updated under a row lock in the posting transaction, and a CHECK
 * keeps accounts that may not go negative at or above zero even if code ever forgot the rule.
 */
export class CreateLedger1763700000300 implements MigrationInterface {
  name = 'CreateLedger1763700000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ledger_account (
        id              text PRIMARY KEY,
        kind            text        NOT NULL,
        owner_id        text        NOT NULL,
        year            integer,
        task_id         uuid,
        may_go_negative boolean     NOT NULL,
        balance_fen     bigint      NOT NULL DEFAULT 0,
        opened_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ledger_account_not_below_zero CHECK (may_go_negative OR balance_fen >= 0)
      )`);
    await queryRunner.query('CREATE INDEX ledger_account_owner ON ledger_account (owner_id, kind)');
    await queryRunner.query(`
      CREATE TABLE ledger_transfer (
        id          text PRIMARY KEY,
        purpose     text        NOT NULL,
        reference   text,
        memo        text,
        reverses    text UNIQUE REFERENCES ledger_transfer (id),
        posted_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX ledger_transfer_reference ON ledger_transfer (reference)');
    await queryRunner.query('CREATE INDEX ledger_transfer_posted_at ON ledger_transfer (posted_at)');
    await queryRunner.query(`
      CREATE TABLE ledger_posting (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transfer_id  text   NOT NULL REFERENCES ledger_transfer (id),
        account_id   text   NOT NULL REFERENCES ledger_account (id),
        amount_fen   bigint NOT NULL CHECK (amount_fen <> 0)
      )`);
    await queryRunner.query('CREATE INDEX ledger_posting_account ON ledger_posting (account_id)');
    await queryRunner.query('CREATE INDEX ledger_posting_transfer ON ledger_posting (transfer_id)');

    await queryRunner.query(`
      CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger rows are immutable: % on % refused', TG_OP, TG_TABLE_NAME;
      END $$`);
    for (const table of ['ledger_posting', 'ledger_transfer']) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change()`);
    }
    await queryRunner.query(`
      CREATE FUNCTION ledger_assert_balanced() RETURNS trigger LANGUAGE plpgsql
      -- Pinned to this service's schema: the check must find the postings whoever inserts them.
      SET search_path FROM CURRENT AS $$
      DECLARE total bigint;
      BEGIN
        SELECT sum(amount_fen) INTO total FROM ledger_posting WHERE transfer_id = NEW.transfer_id;
        IF total <> 0 THEN
          RAISE EXCEPTION 'transfer % does not balance: postings sum to %', NEW.transfer_id, total;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER ledger_posting_balanced AFTER INSERT ON ledger_posting
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_assert_balanced()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE ledger_posting');
    await queryRunner.query('DROP TABLE ledger_transfer');
    await queryRunner.query('DROP TABLE ledger_account');
    await queryRunner.query('DROP FUNCTION ledger_assert_balanced');
    await queryRunner.query('DROP FUNCTION ledger_refuse_change');
  }
}
