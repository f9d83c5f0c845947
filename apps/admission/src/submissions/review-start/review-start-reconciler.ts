import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { PolicyBook, ServiceIdentity, TransactionRunner } from '@jianfu/platform';
import { AdmissionConfig } from '../../config.js';
import { SubmissionsRepository } from '../persistence/submissions.repository.js';
import { reviewPolicyFor, startTaskAdmissionReview } from './start-review.js';

const batchSize = 50;

/**
 * Starts the reviews Temporal refused when they were submitted, so a submission does not wait in review
 * until its submitter happens to submit again. Each pass takes the `in-review` submissions without a
 * recorded start; starting is idempotent, so a pass racing the submit command, another API instance or a
 * start whose record was lost starts nothing twice.
 */
@Injectable()
export class ReviewStartReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReviewStartReconciler.name);
  private timer?: NodeJS.Timeout;
  private pass?: Promise<unknown>;
  private running = false;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly submissions: SubmissionsRepository,
    private readonly temporal: Client,
    private readonly config: AdmissionConfig,
    private readonly identity: ServiceIdentity,
    private readonly policies: PolicyBook,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.pass;
  }

  /** One pass; answers how many reviews are started now and how many Temporal still refused. */
  async runOnce(): Promise<{ started: number; refused: number }> {
    const waiting = await this.transactions.run((tx) => this.submissions.awaitingReviewStart(tx, batchSize));
    let started = 0;
    let refused = 0;
    for (const submission of waiting) {
      try {
        const policy = await reviewPolicyFor(this.transactions, this.policies, submission);
        await startTaskAdmissionReview(
          this.temporal,
          this.config,
          this.identity.name,
          submission,
          submission.id,
          policy,
        );
      } catch (error) {
        refused += 1;
        this.logger.warn({ err: error, submissionId: submission.id }, 'Review still cannot start; retrying later');
        continue;
      }
      await this.transactions.run((tx) => this.submissions.markReviewStarted(tx, submission.id));
      started += 1;
    }
    return { started, refused };
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.pass = this.runOnce()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'Review-start pass failed; retrying later'))
        .finally(() => this.schedule());
    }, this.config.ADMISSION_REVIEW_START_RETRY_MS);
    this.timer.unref();
  }
}
