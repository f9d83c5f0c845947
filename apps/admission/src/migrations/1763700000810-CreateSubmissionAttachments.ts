import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files uploaded to a submission (附件): the metadata, and the contents when kept in Postgres (the default;
 * ATTACHMENT_STORAGE=disk keeps them as files). `round` is the round the file was added for.
 */
export class CreateSubmissionAttachments1763700000810 implements MigrationInterface {
  name = 'CreateSubmissionAttachments1763700000810';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE submission_attachment (
        id            uuid PRIMARY KEY,
        submission_id uuid        NOT NULL REFERENCES submission (id),
        round         integer     NOT NULL,
        file_name     text        NOT NULL,
        extension     text        NOT NULL,
        media_type    text        NOT NULL,
        size_bytes    bigint      NOT NULL CHECK (size_bytes >= 0),
        sha256        text        NOT NULL,
        storage       text        NOT NULL CHECK (storage IN ('postgres', 'disk')),
        uploaded_by   text        NOT NULL,
        uploaded_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX submission_attachment_submission ON submission_attachment (submission_id, uploaded_at)',
    );
    await queryRunner.query(`
      CREATE TABLE submission_attachment_content (
        attachment_id uuid  PRIMARY KEY REFERENCES submission_attachment (id) ON DELETE CASCADE,
        content       bytea NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE submission_attachment_content');
    await queryRunner.query('DROP TABLE submission_attachment');
  }
}
