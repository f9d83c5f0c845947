import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { AssessmentsRepository } from '../assessments/persistence/assessments.repository.js';
import type { WorkerRecord } from '../workers/domain/worker-record.js';
import { workerTracks } from './domain/worker-tracks.js';
import {
  type CareerStep,
  evaluateRules,
  type RuleCheck,
  ruleMissing,
  type StepRule,
  topOfTrack,
  type UnmetRule,
} from './domain/eligibility.js';
import { CareersRepository } from './persistence/careers.repository.js';
import { OpinionOutcomesRepository } from './persistence/opinion-outcomes.repository.js';

/** Where a worker stands on one track and what they still need for the next step. */
export interface TrackStanding {
  trackCode: string;
  current: CareerStep;
  next: CareerStep | null;
  rule: StepRule | null;
  placesAvailable: number | null;
  eligible: boolean;
  unmet: UnmetRule[];
  /** Every rule of the next step, met or not; a top of track or a missing rule is its one unmet check. */
  checks: RuleCheck[];
}

/** The worker's position on a track: its step and since when, read from the worker record. */
export function positionOn(worker: WorkerRecord, trackCode: string): { step: string; since: string } | null {
  if (trackCode === workerTracks.post) return { step: worker.postStep, since: worker.postSince };
  if (trackCode === workerTracks.title) return { step: worker.titleStep, since: worker.titleSince };
  return null;
}

/** Evaluates the district's rules for a worker's next step, from the track data and finalised grades. */
@Injectable()
export class CareerEligibility {
  constructor(
    private readonly careers: CareersRepository,
    private readonly assessments: AssessmentsRepository,
    private readonly opinionOutcomes: OpinionOutcomesRepository,
  ) {}

  /** `lockPlaces` when the standing decides a promotion, so the free places cannot change before commit. */
  async standing(
    tx: Transaction,
    worker: WorkerRecord,
    trackCode: string,
    asOf: string,
    lockPlaces = false,
  ): Promise<TrackStanding | null> {
    const position = positionOn(worker, trackCode);
    const current = position && (await this.careers.step(tx, trackCode, position.step));
    if (!position || !current) return null;
    const next = await this.careers.nextStep(tx, current);
    if (!next) {
      return {
        trackCode,
        current,
        next,
        rule: null,
        placesAvailable: null,
        eligible: false,
        unmet: [topOfTrack(current)],
        checks: [{ ...topOfTrack(current), met: false }],
      };
    }
    const rule = await this.careers.ruleFor(tx, worker.districtCode, trackCode, next.code);
    if (!rule) {
      const missing = ruleMissing(next);
      return {
        trackCode,
        current,
        next,
        rule,
        placesAvailable: null,
        eligible: false,
        unmet: [missing],
        checks: [{ ...missing, met: false }],
      };
    }
    const placesAvailable = rule.limitedByPlaces
      ? await this.careers.placesAvailable(tx, worker.districtCode, trackCode, next.code, lockPlaces)
      : null;
    const checks = evaluateRules(
      {
        currentStep: current,
        since: position.since,
        certificates: worker.certificates,
        education: worker.education,
        partyMember: worker.partyMember,
        annualGrades: await this.assessments.annualGrades(tx, worker.id),
        // Read from personnel's own read model of organization's closed requests (no cross-schema read).
        promotionOpinionRequest: next.leadership
          ? await this.opinionOutcomes.latestClosed(tx, worker.id, 'promotion')
          : null,
      },
      next,
      rule,
      placesAvailable,
      asOf,
    );
    const unmet = checks
      .filter((check) => !check.met)
      .map(({ rule: name, required, actual, message }) => ({ rule: name, required, actual, message }));
    return { trackCode, current, next, rule, placesAvailable, eligible: unmet.length === 0, unmet, checks };
  }

  async allTracks(tx: Transaction, worker: WorkerRecord, asOf: string): Promise<TrackStanding[]> {
    const standings: TrackStanding[] = [];
    for (const track of await this.careers.tracks(tx)) {
      const standing = await this.standing(tx, worker, track.code, asOf);
      if (standing) standings.push(standing);
    }
    return standings;
  }
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
