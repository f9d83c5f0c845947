import { Injectable, type OnApplicationBootstrap, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { transactionOf } from '../database/persistence.js';
import { DeadLetterRepository } from '../dead-letters/dead-letter.repository.js';
import { EventConsumer } from '../inbox/event-consumer.js';
import { KafkaConnection } from '../kafka/kafka-connection.js';
import { ServiceIdentity } from '../service-identity.js';
import { WorkflowStarts } from '../temporal/workflow-starts/workflow-starts.js';
import { MessagingMetricsRepository } from './messaging-metrics.repository.js';
import { PlatformMetrics } from './platform-metrics.js';

/**
 * Points the scrape-time gauges at their sources in the process that owns them: the API process relays the
 * outbox and runs the consumer, so it reports the backlog, the dead letters and the group's lag; a worker
 * reports none of them, so a sum over processes never counts a row twice.
 */
@Injectable()
export class MetricsSources implements OnApplicationBootstrap {
  constructor(
    private readonly metrics: PlatformMetrics,
    private readonly dataSource: DataSource,
    private readonly messaging: MessagingMetricsRepository,
    private readonly deadLetters: DeadLetterRepository,
    private readonly kafka: KafkaConnection,
    private readonly consumer: EventConsumer,
    private readonly identity: ServiceIdentity,
    // Absent in a process that starts no workflow (the gateway).
    @Optional() private readonly workflowStarts?: WorkflowStarts,
  ) {}

  onApplicationBootstrap(): void {
    if (this.identity.relayOutbox) {
      this.metrics.readFrom({
        outboxBacklog: () => this.messaging.outboxBacklog(transactionOf(this.dataSource.manager)),
      });
      const starts = this.workflowStarts;
      if (starts) this.metrics.readFrom({ requestedWorkflowStarts: () => starts.pending() });
    }
    if (this.identity.consumeEvents) {
      this.metrics.readFrom({
        pendingDeadLetters: () => this.deadLetters.countPending(transactionOf(this.dataSource.manager)),
        consumerLag: () => this.consumerLag(),
      });
    }
  }

  /** The group's committed offset against each partition's end; a partition never committed lags by all it holds. */
  private async consumerLag(): Promise<{ topic: string; partition: number; lag: number }[]> {
    const wanted = this.consumer.subscribedTopics();
    if (wanted.length === 0) return [];
    const admin = this.kafka.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const topics = wanted.filter((topic) => existing.has(topic));
      if (topics.length === 0) return [];
      const committed = await admin.fetchOffsets({ groupId: this.kafka.consumerGroup(this.identity.name), topics });
      const lags: { topic: string; partition: number; lag: number }[] = [];
      for (const topic of topics) {
        const ends = await admin.fetchTopicOffsets(topic);
        const group = committed.find((entry) => entry.topic === topic)?.partitions ?? [];
        for (const end of ends) {
          const offset = group.find((entry) => entry.partition === end.partition)?.offset ?? '-1';
          const from = offset === '-1' ? Number(end.low) : Number(offset);
          lags.push({ topic, partition: end.partition, lag: Math.max(0, Number(end.high) - from) });
        }
      }
      return lags;
    } finally {
      await admin.disconnect();
    }
  }
}
