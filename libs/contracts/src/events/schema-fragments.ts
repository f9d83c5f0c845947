/** JSON Schema pieces shared by event schemas, so one rule (e.g. money is integer fen) is written once. */
export const uuid = { type: 'string', format: 'uuid' } as const;
export const text = (maxLength = 200) => ({ type: 'string', minLength: 1, maxLength }) as const;
/** Money is always an integer number of fen (分), never a float of yuan. */
export const fen = { type: 'integer', minimum: 0 } as const;
export const dateTime = { type: 'string', format: 'date-time' } as const;
export const isoDate = { type: 'string', format: 'date' } as const;
export const yearMonth = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' } as const;

export function objectSchema(properties: Record<string, unknown>, optional: string[] = []): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties).filter((key) => !optional.includes(key)),
    properties,
  };
}
