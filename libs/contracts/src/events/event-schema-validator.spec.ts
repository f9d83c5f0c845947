import { describe, expect, it } from '@jest/globals';
import { TaskAdmitted } from './admission.events.js';
import { eventCatalogue } from './event-catalogue.js';
import type { EventEnvelope } from './event-envelope.js';
import { EventSchemaError, EventSchemaValidator } from './event-schema-validator.js';

const validator = new EventSchemaValidator();

function envelope(payload: unknown, overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  return {
    id: '7d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
    type: TaskAdmitted.type,
    version: 1,
    source: 'admission',
    occurredAt: '2026-11-21T08:00:00.000Z',
    aggregateType: 'task',
    aggregateId: 'b6f1c1a4-0d59-4a7b-9a43-5d2c3e4f5a6b',
    correlationId: 'req-1',
    payload,
    ...overrides,
  };
}

const admitted = {
  taskId: 'b6f1c1a4-0d59-4a7b-9a43-5d2c3e4f5a6b',
  submissionId: 'c7a2d2b5-1e6a-4b8c-8b54-6e3d4f5a6b7c',
  title: '居民健康档案更新',
  departmentId: 'd8b3e3c6-2f7b-4c9d-9c65-7f4e5a6b7c8d',
  districtCode: '350102',
  recurrence: 'recurring',
  periodStart: '2027-01-01',
  periodEnd: '2027-12-31',
  funding: [{ communityId: 'e9c4f4d7-3a8c-4dae-8d76-8a5f6b7c8d9e', amountFen: 1_200_000 }],
  totalFen: 1_200_000,
  admittedAt: '2026-11-21T08:00:00.000Z',
};

function problems(run: () => void): string[] {
  try {
    run();
    return [];
  } catch (error) {
    return error instanceof EventSchemaError ? error.problems : [String(error)];
  }
}

describe('EventSchemaValidator', () => {
  it('compiles every schema of the catalogue under strict JSON Schema rules', () => {
    for (const definition of eventCatalogue) {
      expect(
        problems(() => validator.assertValid(envelope({}, { type: definition.type, version: definition.version })))
          .length,
      ).toBeGreaterThan(0);
    }
  });

  it('accepts a well-formed event', () => {
    expect(problems(() => validator.assertValid(envelope(admitted)))).toEqual([]);
  });

  it('refuses money in fractional yuan, unknown fields, and unknown versions', () => {
    const fractional = { ...admitted, funding: [{ ...admitted.funding[0], amountFen: 12.5 }] };
    expect(problems(() => validator.assertValid(envelope(fractional)))).toEqual([expect.stringContaining('integer')]);
    expect(problems(() => validator.assertValid(envelope({ ...admitted, colour: 'red' })))).toEqual([
      expect.stringContaining('additional properties'),
    ]);
    expect(problems(() => validator.assertValid(envelope(admitted, { version: 2 })))).toEqual([
      'unknown event type or version',
    ]);
  });
});
