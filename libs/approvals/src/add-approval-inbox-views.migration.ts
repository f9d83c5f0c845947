import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who decided a slot (`decided_by`, for 已办: the steps I acted on) and who put an item in its holder's inbox
 * (`sent_by`: the copier of a 抄送, the reviewer who handed a slot over or added it; the submitter otherwise).
 * Rows projected before take both from the step snapshot of the audit entry that last wrote them.
 */
export class AddApprovalInboxViews1763700000800 implements MigrationInterface {
  name = 'AddApprovalInboxViews1763700000800';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE approval_inbox_item ADD COLUMN decided_by text, ADD COLUMN sent_by text`);
    await queryRunner.query(`
      UPDATE approval_inbox_item i
         SET decided_by = slot->'decision'->>'actorId',
             sent_by = COALESCE(slot->'transferredFrom'->>-1, NULLIF(slot->>'addedBy', 'system'))
        FROM approval_audit_entry a
        CROSS JOIN LATERAL jsonb_array_elements(a.step_snapshot->'slots') AS slot
       WHERE i.kind = 'review' AND a.workflow_id = i.workflow_id AND a.sequence = i.last_sequence
         AND slot->>'slotId' = i.slot_id`);
    await queryRunner.query(`
      UPDATE approval_inbox_item i
         SET sent_by = a.actor_id
        FROM approval_audit_entry a
       WHERE i.kind = 'copy' AND a.workflow_id = i.workflow_id AND a.step_id = i.step_id
         AND a.action = 'copy' AND a.target_user_id = i.assignee_user_id`);
    await queryRunner.query(
      'CREATE INDEX approval_inbox_item_decided_by ON approval_inbox_item (decided_by, closed_at) WHERE decided_by IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE approval_inbox_item DROP COLUMN sent_by, DROP COLUMN decided_by');
  }
}
