import { type Transaction, TransactionRunner } from '@jianfu/platform';

/**
 * Something a fake transaction undoes when the work throws: `snapshot` is taken as a transaction begins and returns
 * the function that puts the state back. In-memory repositories, the event publisher and the workflow starts all
 * take part, so a refused command leaves nothing behind, as a rolled-back transaction leaves nothing in Postgres.
 */
export interface TransactionParticipant {
  snapshot(): () => void;
}

/**
 * The transaction handed to in-memory repositories: it is passed through opaquely, and any attempt to use it as a
 * TypeORM EntityManager fails loudly, so a test never silently reaches a real repository's SQL.
 */
export function opaqueTransaction(): Transaction {
  return new Proxy(
    {},
    {
      get(_target, property) {
        // Promise resolution and Jest's printing probe these; an opaque handle simply has none.
        if (typeof property === 'symbol' || property === 'then' || property === 'toJSON') return undefined;
        throw new Error(
          `An in-memory unit test reached the database (Transaction.${property}): give the handler a fake of that repository`,
        );
      },
    },
  ) as Transaction;
}

/** A TransactionRunner over in-memory participants: work runs at once, and a throw restores every participant. */
export class InMemoryTransactionRunner extends TransactionRunner {
  private readonly participants: TransactionParticipant[] = [];
  private readonly transaction = opaqueTransaction();
  /** Transactions that committed, and that rolled back. */
  committed = 0;
  rolledBack = 0;

  constructor(...participants: TransactionParticipant[]) {
    super(undefined as never);
    this.participants.push(...participants);
  }

  /** Adds participants after construction (a fake built later in a test's setup). */
  enlist(...participants: TransactionParticipant[]): this {
    this.participants.push(...participants);
    return this;
  }

  override async run<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    const restores = this.participants.map((participant) => participant.snapshot());
    try {
      const result = await work(this.transaction);
      this.committed += 1;
      return result;
    } catch (error) {
      for (const restore of restores.reverse()) restore();
      this.rolledBack += 1;
      throw error;
    }
  }

  override get reader(): Transaction {
    return this.transaction;
  }
}

/** A participant over Maps and arrays held by a fake: the snapshot is a deep copy put back on rollback. */
export function snapshotOf<T extends object>(state: T): () => void {
  const copy = structuredClone(state);
  return () => {
    for (const key of Object.keys(state) as (keyof T)[]) {
      const current = state[key];
      const saved = copy[key];
      if (current instanceof Map && saved instanceof Map) {
        current.clear();
        for (const [k, v] of saved) current.set(k, v);
      } else if (Array.isArray(current) && Array.isArray(saved)) {
        current.splice(0, current.length, ...(saved as unknown[]));
      } else if (current instanceof Set && saved instanceof Set) {
        current.clear();
        for (const v of saved) current.add(v);
      } else {
        state[key] = saved;
      }
    }
  };
}
