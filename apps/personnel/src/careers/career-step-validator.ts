import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { TrackSteps } from '../workers/domain/track-steps.js';
import { workerTracks } from './domain/worker-tracks.js';
import { CareersRepository } from './persistence/careers.repository.js';

/** Checks that step codes on a worker record are steps of their tracks, as the career data defines them. */
@Injectable()
export class CareerStepValidator implements TrackSteps {
  constructor(private readonly careers: CareersRepository) {}

  async codesOf(
    tx: Transaction,
    postStep: string,
    titleStep: string,
  ): Promise<{ postStep: string; titleStep: string }> {
    return {
      postStep: await this.codeOf(tx, workerTracks.post, postStep),
      titleStep: await this.codeOf(tx, workerTracks.title, titleStep),
    };
  }

  /** The code of a step written as its code or its name on the track; anything else as written. */
  private async codeOf(tx: Transaction, trackCode: string, written: string): Promise<string> {
    const steps = await this.careers.steps(tx, trackCode);
    return (
      (steps.find((step) => step.code === written) ?? steps.find((step) => step.name === written))?.code ?? written
    );
  }

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
