import pg from 'pg';

/*
 * Named (prepared) statements: Postgres parses and plans a named statement's text once per connection instead of on
 * every execution. For the directory's list read that was about 0.13 ms of Postgres's CPU per read (docs/performance.md,
 * "The API hot path"); for a chain's writes inside transactions, 6–15 ms of Postgres's CPU per chain
 * (docs/performance.md, 2026-12-06 22:00). The texts are the repositories' own, composed from fixed fragments (values
 * are always parameters), so there are few of them; past the cap a text runs unnamed.
 */

const statementNames = new Map<string, string>();
let namesGiven = 0;
const MAX_NAMED_STATEMENTS = 500;

/** The name a statement's text runs under, the same in every connection of the process; none past the cap. */
export function statementNameOf(sql: string): string | undefined {
  let name = statementNames.get(sql);
  if (name === undefined && statementNames.size < MAX_NAMED_STATEMENTS) {
    namesGiven += 1;
    name = `jianfu_stmt_${namesGiven}`;
    statementNames.set(sql, name);
  }
  return name;
}

/**
 * `cached plan must not change result type`: a migration changed the type of a row a prepared statement returns (a
 * new release migrating while this process still runs).
 */
export function isStalePreparedStatement(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '0A000';
}

/**
 * Gives a text whose plan went stale a new name, so each connection prepares it again: the old name stays
 * prepared, and stale, in the connections that have it.
 */
export function renameStatement(sql: string): void {
  if (!statementNames.has(sql)) return;
  namesGiven += 1;
  statementNames.set(sql, `jianfu_stmt_${namesGiven}`);
}

/** A named statement (`name` absent past the cap) as `pg` takes it. */
export interface PreparableStatement {
  name?: string;
  text: string;
  values: unknown[];
}

/**
 * Sends `text` under its statement's name. A plan gone stale (`0A000`) gives the text a new name; outside a
 * transaction the statement is then sent again at once, unnamed, while inside one the transaction has failed and the
 * error goes to its caller (who retries it: an activity, a redelivered event, a client sending the request again).
 */
export async function sendPrepared<R>(
  send: (statement: PreparableStatement) => Promise<R>,
  text: string,
  values: unknown[],
  outsideTransaction: boolean,
): Promise<R> {
  const name = statementNameOf(text);
  if (!name) return send({ text, values });
  try {
    return await send({ name, text, values });
  } catch (error) {
    if (!isStalePreparedStatement(error)) throw error;
    renameStatement(text);
    if (!outsideTransaction) throw error;
    return send({ text, values });
  }
}

type Query = (this: pg.Client, ...args: unknown[]) => unknown;

/**
 * A `pg` client that sends every statement with parameters as a named one, once its data source is migrated
 * (`startPreparing`): TypeORM hands `pg` a text and its values, whether for a repository's query inside a transaction
 * or outside, and this is the one place all of them pass. Statements without parameters (`BEGIN`, `COMMIT`, DDL) and
 * the migrations, which change the tables under the plans, run unnamed.
 *
 * A plan gone stale is handled as `sendPrepared` says.
 */
export function preparingClient(): typeof pg.Client & { startPreparing(): void } {
  let preparing = false;
  class PreparingClient extends pg.Client {
    static startPreparing(): void {
      preparing = true;
    }
  }
  // Always called with the client as `this` (`apply`/`call` below).
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const plainQuery = pg.Client.prototype.query as Query;
  // Assigned rather than declared: `pg`'s typings overload `query` too many ways for a subclass to restate them.
  const query: Query = function (this: pg.Client, ...args) {
    const [text, values, callback] = args;
    if (!preparing || typeof text !== 'string' || !Array.isArray(values) || values.length === 0 || callback) {
      return plainQuery.apply(this, args);
    }
    return sendPrepared(
      (statement) => plainQuery.call(this, statement) as Promise<unknown>,
      text,
      values,
      this.getTransactionStatus() === 'I',
    );
  };
  PreparingClient.prototype.query = query as unknown as pg.Client['query'];
  return PreparingClient;
}
