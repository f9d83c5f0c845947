import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AllowRoles } from '../auth/access.decorators.js';
import { Roles } from '../auth/principal.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DomainError } from '../http/domain-error.js';
import { ApiPageResponse, type Page, toPage } from '../http/openapi/api-page-response.decorator.js';
import { ApiProblems } from '../http/openapi/api-problems.decorator.js';
import { PageQuery } from '../http/paging.js';
import { EventConsumer } from '../inbox/event-consumer.js';
import { type DeadLetter, DeadLetterRepository } from './dead-letter.repository.js';
import { DeadLetterErrors } from './dead-letters.errors.js';

const statuses = ['pending', 'replayed'] as const;
const reasons = ['malformed', 'unknown-type', 'handler-failed'] as const;
const outcomes = ['handled', 'duplicate', 'ignored'] as const;

export class DeadLetterListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: statuses, description: 'Only dead letters in this status' })
  @IsOptional()
  @IsIn(statuses)
  status?: (typeof statuses)[number];
}

export class DeadLetterResponse {
  @ApiProperty({ format: 'uuid' }) deadLetterId!: string;
  @ApiProperty({ description: 'The consuming service (its consumer group, before the topic prefix)' })
  consumer!: string;
  @ApiProperty({ enum: statuses }) status!: (typeof statuses)[number];
  @ApiProperty({
    enum: reasons,
    description:
      'not a valid envelope or payload; a type or version the contracts do not know; a handler that kept failing',
  })
  reason!: (typeof reasons)[number];
  @ApiProperty({ description: 'Why, as the validator or the handler said it' }) detail!: string;
  @ApiProperty({ minimum: 1, description: 'Attempts made before the event was dead-lettered' }) attempts!: number;
  @ApiProperty({ description: 'The topic, partition and offset the message was read from' }) topic!: string;
  @ApiProperty({ minimum: 0 }) partition!: number;
  @ApiProperty({ description: 'Kafka offset, as a decimal string' }) offset!: string;
  @ApiProperty({ type: String, nullable: true }) messageKey!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The envelope id, when the message had one' })
  eventId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '`type@version`, when the message had them' })
  eventType!: string | null;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'The message as JSON when it parses (the envelope)',
  })
  envelope!: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true, description: 'The message in base64 when it is not JSON' })
  rawValueBase64!: string | null;
  @ApiProperty({ format: 'date-time' }) deadLetteredAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) replayedAt!: string | null;
  @ApiProperty({ enum: outcomes, nullable: true }) replayOutcome!: (typeof outcomes)[number] | null;
  @ApiProperty({ minimum: 0 }) replayAttempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastReplayError!: string | null;
}

export class DeadLetterReplayedResponse {
  @ApiProperty({ format: 'uuid' }) deadLetterId!: string;
  @ApiProperty({
    enum: outcomes,
    description: 'applied now; found applied already (the inbox had it); or no handler here for its type',
  })
  outcome!: (typeof outcomes)[number];
}

function toResponse(letter: DeadLetter): DeadLetterResponse {
  let envelope: Record<string, unknown> | null = null;
  let rawValueBase64: string | null = null;
  try {
    const parsed: unknown = JSON.parse(letter.rawValue.toString('utf8'));
    envelope = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as never) : null;
    if (envelope === null) rawValueBase64 = letter.rawValue.toString('base64');
  } catch {
    rawValueBase64 = letter.rawValue.toString('base64');
  }
  return {
    deadLetterId: letter.deadLetterId,
    consumer: letter.consumer,
    status: letter.status,
    reason: letter.reason,
    detail: letter.detail,
    attempts: letter.attempts,
    topic: letter.topic,
    partition: letter.partition,
    offset: letter.offset,
    messageKey: letter.messageKey,
    eventId: letter.eventId,
    eventType: letter.eventType,
    envelope,
    rawValueBase64,
    deadLetteredAt: letter.deadLetteredAt.toISOString(),
    replayedAt: letter.replayedAt?.toISOString() ?? null,
    replayOutcome: letter.replayOutcome,
    replayAttempts: letter.replayAttempts,
    lastReplayError: letter.lastReplayError,
  };
}

/**
 * The events this service's consumer could not apply, for the operations team: look at them, fix the cause
 * (a deployment that knows the new event type, a repaired handler or table), then replay each once.
 */
@ApiTags('operations')
@ApiBearerAuth()
@ApiProblems(DeadLetterErrors)
@AllowRoles(Roles.PlatformOperator)
@Controller('dead-letters')
export class DeadLettersController {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly repository: DeadLetterRepository,
    private readonly consumer: EventConsumer,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The dead letters of this service’s consumer, newest first' })
  @ApiPageResponse(DeadLetterResponse)
  async list(@Query() query: DeadLetterListQuery): Promise<Page<DeadLetterResponse>> {
    const { items, total } = await this.repository.list(
      this.transactions.reader,
      { status: query.status },
      { offset: query.offset, limit: query.limit },
    );
    return toPage(items.map(toResponse), total, query);
  }

  @Get(':deadLetterId')
  @ApiOperation({ summary: 'One dead letter with its message' })
  @ApiOkResponse({ type: DeadLetterResponse })
  async get(@Param('deadLetterId', ParseUUIDPipe) deadLetterId: string): Promise<DeadLetterResponse> {
    const letter = await this.repository.find(this.transactions.reader, deadLetterId);
    if (!letter) {
      throw DomainError.of(DeadLetterErrors['dead-letter.not-found'], `Dead letter ${deadLetterId} does not exist`);
    }
    return toResponse(letter);
  }

  @Post(':deadLetterId/replay')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Apply a dead letter again once its cause is fixed; it takes effect once, however often replayed',
  })
  @ApiOkResponse({ type: DeadLetterReplayedResponse })
  replay(@Param('deadLetterId', ParseUUIDPipe) deadLetterId: string): Promise<DeadLetterReplayedResponse> {
    return this.consumer.replayDeadLetter(deadLetterId);
  }
}
