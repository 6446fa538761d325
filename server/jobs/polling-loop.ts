import type { WakeSignal } from './wake-signal.ts';

/** A background loop over an outbox: rounds run one at a time, now, on a poke, and every `pollMs`. */
export interface PollingLoop {
  /** Run a round now (or join the one running); resolves with what it handled. */
  drain(): Promise<number>;
  /** Wake the loop early, e.g. right after a transaction queued work. */
  poke(): void;
  /** No more rounds; waits for the running one. */
  stop(): Promise<void>;
}

export function startPollingLoop(
  round: (stopped: () => boolean) => Promise<number>,
  options: { pollMs: number; onError: (error: unknown) => void; wakeOn?: WakeSignal },
): PollingLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  function drain(): Promise<number> {
    running ??= round(() => stopped).finally(() => {
      running = undefined;
    });
    return running;
  }

  function wakeIn(delay: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        await drain();
      } catch (error) {
        options.onError(error);
      }
      wakeIn(options.pollMs);
    }, delay);
  }

  wakeIn(0);
  const stopListening = options.wakeOn?.listen(() => wakeIn(0));
  return {
    drain,
    poke: () => wakeIn(0),
    async stop() {
      stopped = true;
      stopListening?.();
      clearTimeout(timer);
      await running?.catch(() => {});
    },
  };
}
