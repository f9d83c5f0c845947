import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { TrackSteps } from '../workers/domain/track-steps.js';
import { workerTracks } from './domain/worker-tracks.js';
import { CareersRepository } from './persistence/careers.repository.js';

/** Checks that step codes on a worker record are steps of their tracks, as the career data defines them. */
@Injectable()
export class CareerStepValidator implements TrackSteps {
  constructor(private readonly careers: CareersRepository) {}

  async problems(tx: Transaction, postStep: string, titleStep: string): Promise<string[]> {
    const problems: string[] = [];
    if (!(await this.careers.step(tx, workerTracks.post, postStep))) {
      problems.push(`${postStep} is not a step of the post track`);
    }
    if (!(await this.careers.step(tx, workerTracks.title, titleStep))) {
      problems.push(`${titleStep} is not a step of the professional track`);
    }
    return problems;
  }
}
