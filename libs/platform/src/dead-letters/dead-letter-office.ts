import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PlatformConfig } from '../config/platform-config.js';
import { transactionOf } from '../database/persistence.js';
import { KafkaConnection } from '../kafka/kafka-connection.js';
import { PlatformMetrics } from '../metrics/platform-metrics.js';
import { ServiceIdentity } from '../service-identity.js';
import { type DeadLetter, DeadLetterRepository, type NewDeadLetter } from './dead-letter.repository.js';

/** The message as it was, as JSON when it parses, else base64, so the dead-letter topic never loses a byte. */
function originalValue(raw: Buffer): { envelope: unknown } | { rawValueBase64: string } {
  try {
    return { envelope: JSON.parse(raw.toString('utf8')) as unknown };
  } catch {
    return { rawValueBase64: raw.toString('base64') };
  }
}

/**
 * Where a consumer puts an event it cannot apply: a `dead_letter` row in the service's schema (the record
 * an operator replays from) and a message on the service's dead-letter topic (for alerting and other tools),
 * with the reason, the original topic, partition, offset and key, and the message itself. The row is written
 * first; if the topic write fails the consumer does not commit the offset, the message comes back and the
 * row is found again, so neither is lost and the row is not doubled.
 */
@Injectable()
export class DeadLetterOffice {
  private readonly logger = new Logger(DeadLetterOffice.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: DeadLetterRepository,
    private readonly kafka: KafkaConnection,
    private readonly config: PlatformConfig,
    private readonly identity: ServiceIdentity,
    private readonly metrics: PlatformMetrics,
  ) {}

  /** `<prefix><service>.dead-letters.v1`, or the configured `DEAD_LETTER_TOPIC` under the prefix. */
  get topic(): string {
    return this.kafka.topic(this.config.DEAD_LETTER_TOPIC || `${this.identity.name}.dead-letters.v1`);
  }

  async deadLetter(letter: NewDeadLetter): Promise<DeadLetter> {
    const recorded = await this.dataSource.transaction((manager) =>
      this.repository.record(transactionOf(manager), letter),
    );
    await this.kafka.ensureTopics([this.topic]);
    const producer = await this.kafka.producer();
    await producer.send({
      topic: this.topic,
      acks: -1,
      messages: [
        {
          key: letter.messageKey,
          value: JSON.stringify({
            deadLetterId: recorded.deadLetterId,
            consumer: letter.consumer,
            reason: letter.reason,
            detail: letter.detail,
            attempts: letter.attempts,
            original: {
              topic: letter.topic,
              partition: letter.partition,
              offset: letter.offset,
              key: letter.messageKey,
            },
            ...originalValue(letter.rawValue),
            deadLetteredAt: recorded.deadLetteredAt.toISOString(),
          }),
          headers: {
            'dead-letter-id': recorded.deadLetterId,
            'dead-letter-reason': letter.reason,
            'original-topic': letter.topic,
            'original-partition': String(letter.partition),
            'original-offset': letter.offset,
          },
        },
      ],
    });
    this.metrics.deadLetters.inc({ reason: letter.reason });
    this.logger.error(
      {
        deadLetterId: recorded.deadLetterId,
        reason: letter.reason,
        detail: letter.detail,
        topic: letter.topic,
        partition: letter.partition,
        offset: letter.offset,
        eventId: letter.eventId,
        eventType: letter.eventType,
      },
      'Event dead-lettered; replay it once fixed',
    );
    return recorded;
  }
}
