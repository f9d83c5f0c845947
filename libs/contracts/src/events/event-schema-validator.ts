import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { type EventEnvelope, eventEnvelopeSchema as envelopeSchema } from './event-envelope.js';
import { findEventDefinition } from './event-catalogue.js';

// ajv-formats is CommonJS with a default export; under NodeNext the namespace arrives as `default`.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

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
