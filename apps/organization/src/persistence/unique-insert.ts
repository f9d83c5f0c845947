import type { Transaction } from '@jianfu/platform';
import { entityManagerOf } from '@jianfu/platform/persistence';

const uniqueViolation = '23505';

/**
 * Runs an INSERT and answers false when a unique index refused it. The index decides, not a prior
 * read, so two concurrent inserts of one code cannot both pass; a savepoint keeps the transaction usable.
 */
export async function insertUnlessDuplicate(tx: Transaction, sql: string, parameters: unknown[]): Promise<boolean> {
  await entityManagerOf(tx).query('SAVEPOINT unique_insert');
  try {
    await entityManagerOf(tx).query(sql, parameters);
    await entityManagerOf(tx).query('RELEASE SAVEPOINT unique_insert');
    return true;
  } catch (error) {
    await entityManagerOf(tx).query('ROLLBACK TO SAVEPOINT unique_insert');
    const code = (error as { driverError?: { code?: string }; code?: string }).driverError?.code;
    if (code === uniqueViolation) return false;
    throw error;
  }
}
