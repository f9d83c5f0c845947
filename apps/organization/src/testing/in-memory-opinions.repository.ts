import type { Transaction } from '@jianfu/platform';
import { snapshotOf, type TransactionParticipant } from '@jianfu/testing/unit';
import type { OpinionAnswerKind } from '../opinions/domain/opinion-answer.js';
import {
  type LinkedMemberView,
  type OpinionAnswerRow,
  type OpinionRequestRow,
  type OpinionRequestStatus,
  OpinionsRepository,
  type ResidentObjectionRow,
} from '../opinions/persistence/opinions.repository.js';

/**
 * Linked members, opinion requests, their append-only answers and residents' objections over Maps and arrays. The
 * report queries (`latestClosed`, the tallied list) are not modelled: they reach the opaque transaction and fail.
 */
export class InMemoryOpinionsRepository extends OpinionsRepository implements TransactionParticipant {
  readonly state = {
    linkedMembers: [] as (LinkedMemberView & { districtCode: string; recordedBy: string })[],
    requests: new Map<string, OpinionRequestRow>(),
    answers: [] as (OpinionAnswerRow & { requestId: string })[],
    objections: [] as (ResidentObjectionRow & { requestId: string })[],
  };

  snapshot(): () => void {
    return snapshotOf(this.state);
  }

  override insertLinkedMember(
    _tx: Transaction,
    member: LinkedMemberView & { districtCode: string; recordedBy: string },
  ): Promise<boolean> {
    const linked = this.state.linkedMembers.some(
      (stored) => stored.personId === member.personId && stored.communityId === member.communityId,
    );
    if (linked) return Promise.resolve(false);
    this.state.linkedMembers.push({ ...member });
    return Promise.resolve(true);
  }

  override linkedMembers(
    _tx: Transaction,
    filter: { communityId?: string; personId?: string },
  ): Promise<LinkedMemberView[]> {
    return Promise.resolve(
      this.state.linkedMembers
        .filter((member) => !filter.communityId || member.communityId === filter.communityId)
        .filter((member) => !filter.personId || member.personId === filter.personId)
        .sort((a, b) => a.personName.localeCompare(b.personName) || a.communityId.localeCompare(b.communityId))
        .map(({ districtCode: _districtCode, recordedBy: _recordedBy, ...member }) => member),
    );
  }

  override insertRequest(
    _tx: Transaction,
    request: Omit<OpinionRequestRow, 'windowClosedAt' | 'closedBy' | 'closedAt' | 'status'>,
  ): Promise<void> {
    if (this.state.requests.has(request.id)) throw new Error(`opinion_request ${request.id} exists (primary key)`);
    this.state.requests.set(request.id, {
      ...structuredClone(request),
      communityIds: [...request.communityIds].sort(),
      status: 'publicising',
      windowClosedAt: null,
      closedBy: null,
      closedAt: null,
    });
    return Promise.resolve();
  }

  override findRequest(_tx: Transaction, id: string): Promise<OpinionRequestRow | null> {
    const found = this.state.requests.get(id);
    return Promise.resolve(found ? structuredClone(found) : null);
  }

  override setStatus(
    _tx: Transaction,
    id: string,
    status: OpinionRequestStatus,
    details: { windowClosedAt?: string; closedBy?: string; closedAt?: string } = {},
  ): Promise<void> {
    const found = this.state.requests.get(id);
    if (found) {
      found.status = status;
      found.windowClosedAt = details.windowClosedAt ?? found.windowClosedAt;
      found.closedBy = details.closedBy ?? found.closedBy;
      found.closedAt = details.closedAt ?? found.closedAt;
    }
    return Promise.resolve();
  }

  override answers(_tx: Transaction, requestId: string): Promise<OpinionAnswerRow[]> {
    return Promise.resolve(this.answersOf(requestId));
  }

  override standingAnswers(_tx: Transaction, requestId: string): Promise<OpinionAnswerRow[]> {
    const all = this.answersOf(requestId);
    return Promise.resolve(
      all
        .filter((answer) => !all.some((later) => later.supersedes === answer.id))
        .sort((a, b) => a.communityId.localeCompare(b.communityId)),
    );
  }

  override insertAnswer(
    _tx: Transaction,
    answer: {
      requestId: string;
      communityId: string;
      answer: OpinionAnswerKind;
      reason: string | null;
      answeredBy: string;
      supersedes: string | null;
    },
  ): Promise<OpinionAnswerRow> {
    const stored = { ...answer, id: String(this.state.answers.length + 1), answeredAt: new Date().toISOString() };
    this.state.answers.push(stored);
    return Promise.resolve(withoutRequestId(stored));
  }

  override insertObjection(
    _tx: Transaction,
    objection: { requestId: string; communityId: string; objection: string; recordedBy: string },
  ): Promise<ResidentObjectionRow> {
    const stored = { ...objection, id: String(this.state.objections.length + 1), recordedAt: new Date().toISOString() };
    this.state.objections.push(stored);
    return Promise.resolve(withoutRequestId(stored));
  }

  override objections(_tx: Transaction, requestId: string): Promise<ResidentObjectionRow[]> {
    return Promise.resolve(
      this.state.objections.filter((objection) => objection.requestId === requestId).map(withoutRequestId),
    );
  }

  private answersOf(requestId: string): OpinionAnswerRow[] {
    return this.state.answers.filter((answer) => answer.requestId === requestId).map(withoutRequestId);
  }
}

/** A stored row as the repository returns it: without the request it belongs to. */
function withoutRequestId<T extends { requestId: string }>({ requestId: _requestId, ...row }: T): Omit<T, 'requestId'> {
  return row;
}
