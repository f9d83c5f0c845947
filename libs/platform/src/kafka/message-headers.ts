/**
 * The text of one Kafka message header, as KafkaJS hands it over (a Buffer, or a string); undefined when absent or
 * repeated (a list), which no producer of the platform sends.
 */
export function headerText(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return Buffer.isBuffer(value) ? value.toString('utf8') : typeof value === 'string' ? value : undefined;
}
