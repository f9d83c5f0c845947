import { useSyncExternalStore } from 'react';

/** The services that did not answer lately (503 from the gateway, or `unavailable` in a merged view). */
interface ServiceStatus {
  unavailable: string[];
  markUnavailable: (service: string) => void;
  setUnavailable: (services: string[]) => void;
  clear: () => void;
}

const listeners = new Set<() => void>();
let state: ServiceStatus;

function update(unavailable: string[]): void {
  if (unavailable.join() === state.unavailable.join()) return;
  state = { ...state, unavailable };
  for (const listener of listeners) listener();
}

state = {
  unavailable: [],
  markUnavailable: (service) => {
    if (!state.unavailable.includes(service)) update([...state.unavailable, service].sort());
  },
  setUnavailable: (services) => update([...new Set(services)].sort()),
  clear: () => update([]),
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useServiceStatus<T>(select: (status: ServiceStatus) => T): T {
  return useSyncExternalStore(subscribe, () => select(state));
}
