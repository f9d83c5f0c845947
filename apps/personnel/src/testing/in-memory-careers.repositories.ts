import type { OpinionRequestClosedPayload } from '@jianfu/contracts';
import type { Transaction } from '@jianfu/platform';
import { snapshotOf, type TransactionParticipant } from '@jianfu/testing/unit';
import type { CareerStep, StepRule } from '../careers/domain/eligibility.js';
import { workerTracks } from '../careers/domain/worker-tracks.js';
import { CareersRepository } from '../careers/persistence/careers.repository.js';
import { type OpinionOutcome, OpinionOutcomesRepository } from '../careers/persistence/opinion-outcomes.repository.js';
import type { PromotionRequest, PromotionStatus } from '../careers/domain/promotion-request.js';
import { PromotionsRepository } from '../careers/persistence/promotions.repository.js';
import type { InMemoryWorkersRepository } from './in-memory-workers.repository.js';

/** The two tracks, their steps, the districts' rules and places over Maps; held steps are counted from the workers. */
export class InMemoryCareersRepository extends CareersRepository implements TransactionParticipant {
  readonly state = {
    tracks: [
      { code: workerTracks.post, name: '职务' },
      { code: workerTracks.title, name: '职称' },
    ],
    steps: [] as CareerStep[],
    rules: [] as StepRule[],
    places: new Map<string, number>(),
  };

  constructor(private readonly workers: InMemoryWorkersRepository) {
    super();
  }

  snapshot(): () => void {
    return snapshotOf(this.state);
  }

  /** Seeds a track's steps in order, ordinals from 1. */
  addSteps(trackCode: string, steps: (Pick<CareerStep, 'code' | 'name'> & Partial<CareerStep>)[]): this {
    steps.forEach((step, index) => this.state.steps.push({ trackCode, ordinal: index + 1, ...step }));
    return this;
  }

  override tracks(_tx: Transaction): Promise<{ code: string; name: string }[]> {
    return Promise.resolve(this.state.tracks);
  }

  override steps(_tx: Transaction, trackCode?: string): Promise<CareerStep[]> {
    return Promise.resolve(this.state.steps.filter((step) => !trackCode || step.trackCode === trackCode));
  }

  override step(_tx: Transaction, trackCode: string, code: string): Promise<CareerStep | null> {
    return Promise.resolve(this.state.steps.find((step) => step.trackCode === trackCode && step.code === code) ?? null);
  }

  override nextStep(_tx: Transaction, current: CareerStep): Promise<CareerStep | null> {
    return Promise.resolve(
      this.state.steps.find((step) => step.trackCode === current.trackCode && step.ordinal === current.ordinal + 1) ??
        null,
    );
  }

  override ruleFor(
    _tx: Transaction,
    districtCode: string,
    trackCode: string,
    stepCode: string,
  ): Promise<StepRule | null> {
    const rules = this.state.rules.filter((rule) => rule.trackCode === trackCode && rule.stepCode === stepCode);
    return Promise.resolve(
      rules.find((rule) => rule.districtCode === districtCode) ??
        rules.find((rule) => rule.districtCode === '*') ??
        null,
    );
  }

  override async rulesInForce(tx: Transaction, districtCode: string): Promise<StepRule[]> {
    const found: StepRule[] = [];
    for (const step of this.state.steps) {
      const rule = await this.ruleFor(tx, districtCode, step.trackCode, step.code);
      if (rule) found.push(rule);
    }
    return found;
  }

  override upsertRule(_tx: Transaction, rule: StepRule, _actorId: string): Promise<void> {
    const index = this.state.rules.findIndex(
      (stored) =>
        stored.districtCode === rule.districtCode &&
        stored.trackCode === rule.trackCode &&
        stored.stepCode === rule.stepCode,
    );
    if (index >= 0) this.state.rules[index] = structuredClone(rule);
    else this.state.rules.push(structuredClone(rule));
    return Promise.resolve();
  }

  override setPlaces(
    _tx: Transaction,
    place: { districtCode: string; trackCode: string; stepCode: string; places: number },
    _actorId: string,
  ): Promise<void> {
    this.state.places.set(`${place.districtCode}/${place.trackCode}/${place.stepCode}`, place.places);
    return Promise.resolve();
  }

  override placesAvailable(
    _tx: Transaction,
    districtCode: string,
    trackCode: string,
    stepCode: string,
  ): Promise<number> {
    const places = this.state.places.get(`${districtCode}/${trackCode}/${stepCode}`);
    if (places === undefined) return Promise.resolve(0);
    const held = [...this.workers.state.workers.values()].filter(
      (worker) =>
        worker.districtCode === districtCode &&
        (trackCode === workerTracks.post ? worker.postStep : worker.titleStep) === stepCode,
    ).length;
    return Promise.resolve(places - held);
  }
}

/** Promotion requests over a Map: one request per worker and track in review at a time (the partial unique index). */
export class InMemoryPromotionsRepository extends PromotionsRepository implements TransactionParticipant {
  readonly state = { requests: new Map<string, PromotionRequest>() };

  snapshot(): () => void {
    return snapshotOf(this.state);
  }

  override insert(
    _tx: Transaction,
    request: Pick<PromotionRequest, 'id' | 'workerId' | 'trackCode' | 'fromStep' | 'toStep' | 'reason' | 'requestedBy'>,
  ): Promise<boolean> {
    const inReview = [...this.state.requests.values()].some(
      (stored) =>
        stored.workerId === request.workerId && stored.trackCode === request.trackCode && stored.status === 'in-review',
    );
    if (inReview) return Promise.resolve(false);
    this.state.requests.set(request.id, {
      ...request,
      status: 'in-review',
      requestedAt: new Date(),
      decidedBy: null,
      decisionReason: null,
      decidedAt: null,
    });
    return Promise.resolve(true);
  }

  override find(_tx: Transaction, id: string): Promise<PromotionRequest | null> {
    const found = this.state.requests.get(id);
    return Promise.resolve(found ? { ...found } : null);
  }

  override findForUpdate(tx: Transaction, id: string): Promise<PromotionRequest | null> {
    return this.find(tx, id);
  }

  override forWorker(_tx: Transaction, workerId: string): Promise<PromotionRequest[]> {
    return Promise.resolve([...this.state.requests.values()].filter((request) => request.workerId === workerId));
  }

  override close(
    _tx: Transaction,
    id: string,
    outcome: { status: PromotionStatus; decidedBy: string | null; reason: string | null },
  ): Promise<void> {
    const found = this.state.requests.get(id);
    if (found) {
      Object.assign(found, {
        status: outcome.status,
        decidedBy: outcome.decidedBy,
        decisionReason: outcome.reason,
        decidedAt: new Date(),
      });
    }
    return Promise.resolve();
  }
}

/** Organization's closed opinion requests, as personnel records them from events. */
export class InMemoryOpinionOutcomesRepository extends OpinionOutcomesRepository implements TransactionParticipant {
  readonly state = { outcomes: [] as (OpinionOutcome & { subjectKind: string; subjectId: string })[] };

  snapshot(): () => void {
    return snapshotOf(this.state);
  }

  override record(_tx: Transaction, outcome: OpinionRequestClosedPayload): Promise<void> {
    if (this.state.outcomes.some((stored) => stored.requestId === outcome.requestId)) return Promise.resolve();
    this.state.outcomes.push({
      requestId: outcome.requestId,
      purpose: outcome.purpose,
      disagree: outcome.tally.disagree,
      closedAt: outcome.closedAt,
      subjectKind: outcome.subjectKind,
      subjectId: outcome.subjectId,
    });
    return Promise.resolve();
  }

  override latestClosed(_tx: Transaction, personId: string, purpose: string): Promise<OpinionOutcome | null> {
    const found = this.state.outcomes
      .filter(
        (stored) => stored.subjectKind === 'person' && stored.subjectId === personId && stored.purpose === purpose,
      )
      .sort((a, b) => b.closedAt.localeCompare(a.closedAt))[0];
    if (!found) return Promise.resolve(null);
    const { requestId, disagree, closedAt } = found;
    return Promise.resolve({ requestId, purpose, disagree, closedAt });
  }
}
