import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { taskFundTransferWorkflowId } from '@jianfu/contracts/workflows';
import { EventConsumer, Roles } from '@jianfu/platform';
import { createTestIsolation, eventually, principal } from '@jianfu/testing';
import { FinanceUnderTest } from './finance-under-test.js';

/**
 * The saga of an admitted task starts only once finance's handling of `task.admitted` has committed. Postgres
 * refuses that commit here (a deferred constraint trigger on the task's transfer row), as it would for a handler
 * killed before its commit: no workflow may exist then, since it would run for a transfer that is not stored.
 * When the event is handled again (its dead letter replayed, as an operator would once the cause is gone), the
 * saga starts once and opens the finance step.
 */
describe('a task fund saga starts after its handler commits', () => {
  const isolation = createTestIsolation('task-fund-start-after-commit');
  const departmentId = randomUUID();
  const financeOfficer = principal([Roles.FinanceOfficer], {}, 'caizheng-commit');
  const communities = [randomUUID(), randomUUID()];
  let finance: FinanceUnderTest;

  beforeAll(async () => {
    finance = await FinanceUnderTest.start(isolation);
    await finance.addCommunities(communities);
    await finance.approveBudget(departmentId, 1_000_000, financeOfficer);
  });

  afterAll(async () => {
    await finance?.close();
  });

  it('starts no workflow while the commit fails, and one once the event is handled', async () => {
    const taskId = randomUUID();
    const { schema, db } = finance;
    await db.query(`
      CREATE FUNCTION ${schema}.refuse_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'commit refused by the test'; END $$`);
    await db.query(`
      CREATE CONSTRAINT TRIGGER refuse_commit AFTER INSERT ON ${schema}.task_fund_transfer
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.task_id = '${taskId}'::uuid)
      EXECUTE FUNCTION ${schema}.refuse_commit()`);

    await finance.admit(
      departmentId,
      communities.map((communityId) => ({ communityId, amountFen: 20_000 })),
      taskId,
    );
    // Every attempt failed at its commit (the consumer's attempts, then the dead letter).
    const deadLetterId = await eventually(async () => {
      const { rows } = await db.query<{ dead_letter_id: string; detail: string }>(
        `SELECT dead_letter_id, detail FROM ${schema}.dead_letter WHERE message_key = $1`,
        [taskId],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].detail).toContain('commit refused by the test');
      return rows[0].dead_letter_id;
    }, 40_000);

    const temporal = finance.api.app.get(Client);
    const workflowId = taskFundTransferWorkflowId(taskId);
    await expect(temporal.workflow.getHandle(workflowId).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
    const requested = () =>
      db.query<{ started: boolean }>(
        `SELECT started_at IS NOT NULL AS started FROM ${schema}.requested_workflow_start WHERE workflow_id = $1`,
        [workflowId],
      );
    expect((await requested()).rows).toEqual([]);

    await db.query(`DROP TRIGGER refuse_commit ON ${schema}.task_fund_transfer`);
    await expect(finance.api.app.get(EventConsumer).replayDeadLetter(deadLetterId)).resolves.toEqual({
      deadLetterId,
      outcome: 'handled',
    });
    // Started by the replay itself, after its commit: no relay pass was needed.
    expect((await requested()).rows).toEqual([{ started: true }]);
    await finance.transferReaches(taskId, 'awaiting-decision', financeOfficer);
    const described = await temporal.workflow.getHandle(workflowId).describe();
    expect(described.status.name).toBe('RUNNING');
  });
});
