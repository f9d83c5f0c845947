import type { ServiceName } from '@jianfu/contracts';

/**
 * The services a platform process may be: the event-publishing services of the contracts; identity, which
 * signs people in and publishes no events (so it has no topic in the contracts); and the gateway, the console's
 * backend, which only consumes them.
 */
export type PlatformServiceName = ServiceName | 'identity' | 'gateway';

/** Which service this process belongs to, and which background duties it runs. */
export class ServiceIdentity {
  constructor(
    readonly name: PlatformServiceName,
    /** The HTTP process relays its outbox and consumes events; a Temporal worker process does neither. */
    readonly relayOutbox: boolean,
    readonly consumeEvents: boolean,
  ) {}
}
