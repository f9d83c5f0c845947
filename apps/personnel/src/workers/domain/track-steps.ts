import type { Transaction } from '@jianfu/platform';

/**
 * Which step codes a worker record may hold on its two tracks. The tracks and their steps are career data, kept by
 * the careers context, which depends on workers; so workers asks through this port and careers provides it
 * (careers/track-steps.module.ts), keeping the dependency one way.
 */
export abstract class TrackSteps {
  /** What is wrong with the step codes, in plain words; empty when both are steps of their tracks. */
  abstract problems(tx: Transaction, postStep: string, titleStep: string): Promise<string[]>;

  /**
   * The step codes of steps written as their codes or their names on the track (社区书记, 社会工作师), as a sheet
   * may name them; anything else as written, for `problems` to name.
   */
  abstract codesOf(
    tx: Transaction,
    postStep: string,
    titleStep: string,
  ): Promise<{ postStep: string; titleStep: string }>;
}
