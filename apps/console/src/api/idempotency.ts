/**
 * An Idempotency-Key per intended command: the same form sending the same body again (a double click, a retry
 * after a lost answer) reuses its key, so the service applies it once and replays the first answer; a changed
 * body is another command and gets a new key (the same key with another body is refused with 422).
 */
export class IdempotencyKeys {
  private key: string | null = null;
  private body: string | null = null;

  keyFor(body: unknown): string {
    const serialized = JSON.stringify(body ?? null);
    if (this.key === null || this.body !== serialized) {
      this.key = crypto.randomUUID();
      this.body = serialized;
    }
    return this.key;
  }

  /** After a success the next submission is a new command. */
  settle(): void {
    this.key = null;
    this.body = null;
  }
}
