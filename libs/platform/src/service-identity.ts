import type { ServiceName } from '@jianfu/contracts';

/** Which service this process belongs to, and which background duties it runs. */
export class ServiceIdentity {
  constructor(
    readonly name: ServiceName,
    /** The HTTP process relays its outbox and consumes events; a Temporal worker process does neither. */
    readonly relayOutbox: boolean,
    readonly consumeEvents: boolean,
  ) {}
}
