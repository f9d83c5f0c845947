import type { RecruitmentStage } from '@jianfu/contracts/workflows';
import type { Transaction } from '@jianfu/platform';
import { snapshotOf, type TransactionParticipant } from '@jianfu/testing/unit';
import {
  type PlaceRow,
  type PostingRow,
  RecruitmentRepository,
} from '../recruitment/persistence/recruitment.repository.js';

/**
 * Recruitment postings and their places over Maps. Applications, scores and rankings are not modelled yet: those
 * methods reach the opaque transaction and fail loudly, until a test of the application handlers needs them.
 */
export class InMemoryRecruitmentRepository extends RecruitmentRepository implements TransactionParticipant {
  readonly state = {
    postings: new Map<string, PostingRow>(),
    places: new Map<string, PlaceRow[]>(),
  };

  snapshot(): () => void {
    return snapshotOf(this.state);
  }

  override insertPosting(_tx: Transaction, posting: Omit<PostingRow, 'openedAt'>, places: PlaceRow[]): Promise<void> {
    if (this.state.postings.has(posting.id)) throw new Error(`recruitment_posting ${posting.id} exists (primary key)`);
    this.state.postings.set(posting.id, { ...posting, openedAt: new Date() });
    this.state.places.set(posting.id, structuredClone(places));
    return Promise.resolve();
  }

  override posting(_tx: Transaction, id: string): Promise<PostingRow | null> {
    const found = this.state.postings.get(id);
    return Promise.resolve(found ? { ...found } : null);
  }

  override places(_tx: Transaction, postingId: string): Promise<PlaceRow[]> {
    return Promise.resolve(structuredClone(this.state.places.get(postingId) ?? []));
  }

  override setStage(_tx: Transaction, postingId: string, stage: RecruitmentStage): Promise<void> {
    const found = this.state.postings.get(postingId);
    if (found) found.stage = stage;
    return Promise.resolve();
  }
}
