import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Runs `tick` every `intervalMs` while the host is connected and the page is visible; a tick never
 * overlaps the previous one. Hidden tabs stop asking; showing the page again polls at once.
 */
export class Poller implements ReactiveController {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #connected = false;
  #running = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly tick: () => Promise<void>,
    private readonly intervalMs = 2500,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
    this.#schedule();
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    clearTimeout(this.#timer);
  }

  /** Polls now (e.g. after sending), then keeps the rhythm. */
  async pollNow(): Promise<void> {
    clearTimeout(this.#timer);
    await this.#run();
  }

  #onVisibilityChange = () => {
    clearTimeout(this.#timer);
    if (!document.hidden) void this.#run();
  };

  #schedule() {
    clearTimeout(this.#timer);
    if (this.#connected && !document.hidden)
      this.#timer = setTimeout(() => void this.#run(), this.intervalMs);
  }

  async #run() {
    if (this.#running || !this.#connected || document.hidden) return;
    this.#running = true;
    try {
      await this.tick();
    } catch {
      // The tick reports its own errors; polling carries on.
    } finally {
      this.#running = false;
      this.#schedule();
    }
  }
}
