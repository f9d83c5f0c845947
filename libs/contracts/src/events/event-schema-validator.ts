import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { EventEnvelope } from './event-envelope.js';
import { findEventDefinition } from './event-catalogue.js';

// ajv-formats is CommonJS with a default export; under NodeNext the namespace arrives as `default`.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const envelopeSchema = {
  type: 'object',
  required: [
    'id',
    'type',
    'version',
    'source',
    'occurredAt',
    'aggregateType',
    'aggregateId',
    'correlationId',
    'payload',
  ],
  properties: {
    id: { type: 'string', format: 'uuid' },
    type: { type: 'string', minLength: 1 },
    version: { type: 'integer', minimum: 1 },
    source: { enum: ['organization', 'admission', 'finance', 'personnel'] },
    occurredAt: { type: 'string', format: 'date-time' },
    aggregateType: { type: 'string', minLength: 1 },
    aggregateId: { type: 'string', minLength: 1 },
    correlationId: { type: 'string', minLength: 1 },
    causationId: { type: 'string' },
    payload: {},
  },
};

export class EventSchemaError extends Error {
  constructor(
    readonly eventType: string,
    readonly problems: string[],
  ) {
    super(`Event ${eventType} does not match its schema: ${problems.join('; ')}`);
    this.name = 'EventSchemaError';
  }
}

/** Validates envelopes and payloads against the catalogue; compiled validators are cached. */
export class EventSchemaValidator {
  private readonly ajv = addFormats(new Ajv({ allErrors: true, strict: true }));
  private readonly validateEnvelope = this.ajv.compile(envelopeSchema);
  private readonly payloadValidators = new Map<string, ValidateFunction>();

  /** Throws EventSchemaError when the envelope or a known payload is malformed. */
  assertValid(envelope: unknown): asserts envelope is EventEnvelope {
    if (!this.validateEnvelope(envelope)) {
      throw new EventSchemaError('(envelope)', this.describe(this.validateEnvelope));
    }
    const event = envelope as unknown as EventEnvelope;
    const definition = findEventDefinition(event.type, event.version);
    if (!definition) {
      throw new EventSchemaError(`${event.type}@v${event.version}`, ['unknown event type or version']);
    }
    const key = `${definition.type}@${definition.version}`;
    let validate = this.payloadValidators.get(key);
    if (!validate) {
      validate = this.ajv.compile(definition.schema);
      this.payloadValidators.set(key, validate);
    }
    if (!validate(event.payload)) {
      throw new EventSchemaError(key, this.describe(validate));
    }
  }

  private describe(validate: ValidateFunction): string[] {
    return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
  }
}
