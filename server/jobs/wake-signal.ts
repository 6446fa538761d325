/**
 * "New work was committed": an outbox notifies it after a commit, its worker listens and runs a
 * round at once instead of at the next poll. A notice no worker needed costs one empty round.
 */
export interface WakeSignal {
  notify(): void;
  /** Listens until the returned function is called. */
  listen(listener: () => void): () => void;
}

export function createWakeSignal(): WakeSignal {
  const listeners = new Set<() => void>();
  return {
    notify: () => {
      for (const listener of listeners) listener();
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
