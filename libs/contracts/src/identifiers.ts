const uuidText = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value is a UUID in its text form (any version): the form of every id the services issue. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuidText.test(value);
}
