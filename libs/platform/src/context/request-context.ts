import { AsyncLocalStorage } from 'node:async_hooks';
import type { Principal } from '../auth/principal.js';

/** What one request (or one consumed event) carries through every layer without threading parameters. */
export interface RequestContextValue {
  requestId: string;
  correlationId: string;
  causationId?: string;
  principal?: Principal;
}

const storage = new AsyncLocalStorage<RequestContextValue>();

export const RequestContext = {
  run<T>(value: RequestContextValue, fn: () => T): T {
    return storage.run(value, fn);
  },
  current(): RequestContextValue | undefined {
    return storage.getStore();
  },
};
