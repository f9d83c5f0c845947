import { readFileSync } from 'node:fs';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Kafka, type KafkaConfig, logLevel, Partitioners, type Producer, type SASLOptions } from 'kafkajs';
import { PlatformConfig } from '../config/platform-config.js';

/** TLS and SASL to the brokers, as the configuration asks. */
export function kafkaSecurity(config: PlatformConfig): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const security: Pick<KafkaConfig, 'ssl' | 'sasl'> = {};
  if (config.KAFKA_TLS === 'true') {
    security.ssl = config.KAFKA_TLS_CA_FILE ? { ca: [readFileSync(config.KAFKA_TLS_CA_FILE, 'utf8')] } : true;
  }
  if (config.KAFKA_SASL_MECHANISM) {
    security.sasl = {
      mechanism: config.KAFKA_SASL_MECHANISM,
      username: config.KAFKA_SASL_USERNAME ?? '',
      password: config.KAFKA_SASL_PASSWORD ?? '',
    } as SASLOptions;
  }
  return security;
}

/** The service's Kafka client, its one idempotent producer, and topic naming. */
@Injectable()
export class KafkaConnection implements OnApplicationShutdown {
  readonly kafka: Kafka;
  private readonly logger = new Logger(KafkaConnection.name);
  private producerReady?: Promise<Producer>;
  private readonly ensuredTopics = new Set<string>();

  constructor(private readonly config: PlatformConfig) {
    this.kafka = new Kafka({
      clientId: config.DATABASE_SCHEMA,
      brokers: config.KAFKA_BROKERS.split(','),
      ...kafkaSecurity(config),
      connectionTimeout: 3000,
      retry: { retries: 5, initialRetryTime: 200 },
      logLevel: logLevel.WARN,
      logCreator:
        () =>
        ({ level, log }) => {
          const { message, ...extra } = log;
          if (level <= logLevel.ERROR) this.logger.error(extra, message);
          else this.logger.warn(extra, message);
        },
    });
  }

  /** Topic names carry the configured prefix, which isolates test suites sharing one broker. */
  topic(name: string): string {
    return `${this.config.KAFKA_TOPIC_PREFIX}${name}`;
  }

  consumerGroup(name: string): string {
    return `${this.config.KAFKA_TOPIC_PREFIX}${name}`;
  }

  async producer(): Promise<Producer> {
    this.producerReady ??= (async () => {
      // Idempotent: a retried send after a lost acknowledgement is written once by the broker.
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      return producer;
    })().catch((error: unknown) => {
      this.producerReady = undefined;
      throw error;
    });
    return this.producerReady;
  }

  /** Creates the topics if missing, with the configured partitions and replication (docs/operations.md). */
  async ensureTopics(topics: string[]): Promise<void> {
    const missing = topics.filter((topic) => !this.ensuredTopics.has(topic));
    if (missing.length === 0) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const toCreate = missing.filter((topic) => !existing.has(topic));
      if (toCreate.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: toCreate.map((topic) => ({
            topic,
            numPartitions: this.config.KAFKA_TOPIC_PARTITIONS,
            replicationFactor: this.config.KAFKA_TOPIC_REPLICATION_FACTOR,
            ...(this.config.KAFKA_TOPIC_MIN_INSYNC_REPLICAS
              ? {
                  configEntries: [
                    { name: 'min.insync.replicas', value: String(this.config.KAFKA_TOPIC_MIN_INSYNC_REPLICAS) },
                  ],
                }
              : {}),
          })),
        });
      }
      missing.forEach((topic) => this.ensuredTopics.add(topic));
    } finally {
      await admin.disconnect();
    }
  }

  /** Cheap liveness probe for health checks. */
  async describeCluster(): Promise<{ brokers: number; controller: number | null }> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const cluster = await admin.describeCluster();
      return { brokers: cluster.brokers.length, controller: cluster.controller };
    } finally {
      await admin.disconnect();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const producer = await this.producerReady?.catch(() => undefined);
    await producer?.disconnect();
  }
}
