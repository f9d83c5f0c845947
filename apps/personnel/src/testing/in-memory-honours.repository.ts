import type { Transaction } from '@jianfu/platform';
import { snapshotOf, type TransactionParticipant } from '@jianfu/testing/unit';
import { type HonourAwardRow, HonoursRepository } from '../honours/persistence/honours.repository.js';

/** Honour awards over an array: one per worker, level, title and year (the unique key). */
export class InMemoryHonoursRepository extends HonoursRepository implements TransactionParticipant {
  readonly state = { awards: [] as HonourAwardRow[] };

  snapshot(): () => void {
    return snapshotOf(this.state);
  }

  override insert(_tx: Transaction, award: HonourAwardRow): Promise<boolean> {
    const held = this.state.awards.some(
      (stored) =>
        stored.workerId === award.workerId &&
        stored.level === award.level &&
        stored.title === award.title &&
        stored.year === award.year,
    );
    if (held) return Promise.resolve(false);
    this.state.awards.push({ ...award });
    return Promise.resolve(true);
  }
}
