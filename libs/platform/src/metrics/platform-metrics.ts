import { Injectable, Logger } from '@nestjs/common';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** How long a scrape waits for one gauge's source (Postgres, Kafka) before it reports without it. */
const sourceTimeoutMs = 3000;

/** A source of gauge values read at scrape time; absent on processes that do not own the thing measured. */
export interface ScrapeSources {
  outboxBacklog?: () => Promise<{ count: number; oldestAgeSeconds: number }>;
  pendingDeadLetters?: () => Promise<{ reason: string; count: number }[]>;
  consumerLag?: () => Promise<{ topic: string; partition: number; lag: number }[]>;
  requestedWorkflowStarts?: () => Promise<{ pending: number; oldestAgeSeconds: number }>;
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_resolve, reject) =>
      setTimeout(() => reject(new Error('metrics source timed out')), sourceTimeoutMs).unref(),
    ),
  ]);
}

/**
 * The process's Prometheus metrics, in a registry of its own (several services share one process in tests),
 * every series labelled with the service and the process kind. Counters move where things happen; gauges of
 * state kept elsewhere (outbox rows, dead letters, Kafka offsets) are read when Prometheus scrapes.
 */
@Injectable()
export class PlatformMetrics {
  readonly registry = new Registry();
  private readonly logger = new Logger(PlatformMetrics.name);
  private sources: ScrapeSources = {};

  readonly httpDuration = new Histogram({
    name: 'jianfu_http_request_duration_seconds',
    help: 'HTTP request latency by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly eventsConsumed = new Counter({
    name: 'jianfu_events_consumed_total',
    help: 'Kafka messages the consumer finished, by topic, event type and outcome (handled, duplicate, ignored, dead-lettered)',
    labelNames: ['topic', 'event_type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly deadLetters = new Counter({
    name: 'jianfu_dead_letters_total',
    help: 'Events dead-lettered by this process, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly workflowStarts = new Counter({
    name: 'jianfu_workflow_starts_total',
    help: 'Temporal workflow starts requested, by workflow type and outcome (started, already-started, failed)',
    labelNames: ['workflow_type', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor(service: string, process: 'api' | 'worker') {
    this.registry.setDefaultLabels({ service, process });
    collectDefaultMetrics({ register: this.registry, prefix: 'jianfu_' });
    this.scrapeGauge('jianfu_outbox_backlog_messages', 'Outbox rows not yet published to Kafka', [], async (gauge) => {
      const backlog = await this.read('outbox backlog', this.sources.outboxBacklog);
      if (backlog) gauge.set(backlog.count);
    });
    this.scrapeGauge(
      'jianfu_outbox_oldest_unpublished_age_seconds',
      'Age of the oldest outbox row not yet published (0 when none waits)',
      [],
      async (gauge) => {
        const backlog = await this.read('outbox backlog', this.sources.outboxBacklog);
        if (backlog) gauge.set(backlog.oldestAgeSeconds);
      },
    );
    this.scrapeGauge(
      'jianfu_workflow_starts_pending',
      'Workflow starts recorded by a use case that Temporal has not accepted yet',
      [],
      async (gauge) => {
        const pending = await this.read('requested workflow starts', this.sources.requestedWorkflowStarts);
        if (pending) gauge.set(pending.pending);
      },
    );
    this.scrapeGauge(
      'jianfu_workflow_start_oldest_pending_age_seconds',
      'Age of the oldest recorded workflow start Temporal has not accepted (0 when none waits)',
      [],
      async (gauge) => {
        const pending = await this.read('requested workflow starts', this.sources.requestedWorkflowStarts);
        if (pending) gauge.set(pending.oldestAgeSeconds);
      },
    );
    this.scrapeGauge(
      'jianfu_dead_letters_pending',
      'Dead letters waiting for a replay, by reason',
      ['reason'],
      async (gauge) => {
        const pending = await this.read('pending dead letters', this.sources.pendingDeadLetters);
        if (!pending) return;
        gauge.reset();
        for (const reason of ['malformed', 'unknown-type', 'handler-failed']) gauge.set({ reason }, 0);
        for (const row of pending) gauge.set({ reason: row.reason }, row.count);
      },
    );
    this.scrapeGauge(
      'jianfu_kafka_consumer_lag_messages',
      "Messages on a partition the service's consumer group has not committed yet",
      ['topic', 'partition'],
      async (gauge) => {
        const lags = await this.read('consumer lag', this.sources.consumerLag);
        if (!lags) return;
        gauge.reset();
        for (const lag of lags) gauge.set({ topic: lag.topic, partition: String(lag.partition) }, lag.lag);
      },
    );
  }

  /** A gauge whose value is read from its source when Prometheus scrapes. */
  private scrapeGauge<T extends string>(
    name: string,
    help: string,
    labelNames: readonly T[],
    fill: (gauge: Gauge<T>) => Promise<void>,
  ): void {
    const gauge: Gauge<T> = new Gauge<T>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      collect: () => fill(gauge),
    });
  }

  /** Where the scrape-time gauges read from; set by the process that owns each source. */
  readFrom(sources: ScrapeSources): void {
    this.sources = { ...this.sources, ...sources };
  }

  /** Counts every workflow start through the service's Temporal client, whichever use case asks for it. */
  workflowStartInterceptor(): WorkflowClientInterceptor {
    const count = async <T>(workflowType: string, start: () => Promise<T>): Promise<T> => {
      try {
        const result = await start();
        this.workflowStarts.inc({ workflow_type: workflowType, outcome: 'started' });
        return result;
      } catch (error) {
        const outcome = error instanceof WorkflowExecutionAlreadyStartedError ? 'already-started' : 'failed';
        this.workflowStarts.inc({ workflow_type: workflowType, outcome });
        throw error;
      }
    };
    return {
      start: (input, next) => count(input.workflowType, () => next(input)),
      signalWithStart: (input, next) => count(input.workflowType, () => next(input)),
    };
  }

  private async read<T>(what: string, source: (() => Promise<T>) | undefined): Promise<T | undefined> {
    if (!source) return undefined;
    try {
      return await withTimeout(source());
    } catch (error) {
      // A scrape while a dependency is away still answers, without this gauge.
      this.logger.warn({ err: error }, `Could not read ${what} for metrics`);
      return undefined;
    }
  }
}
