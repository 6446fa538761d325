import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';

/** How long a confirmation such as "Copied" stays in view. */
const NOTICE_MS = 5000;

/**
 * Short confirmations ("Copied", "Rules saved.", "Ann Lee is deactivated.") shown beside the control
 * that caused them, so they cover nothing and are seen where the admin is looking. Every place has
 * its own polite live region, present from the first render so screen readers announce it; one
 * notice is in view at a time.
 */
export class Notices<Place extends string = string> implements ReactiveController {
  #place: Place | null = null;
  #message = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** How long a notice stays; 0 keeps it until the next one. */
    private readonly lifetimeMs = NOTICE_MS,
  ) {
    host.addController(this);
  }

  hostDisconnected() {
    clearTimeout(this.#timer);
  }

  /** The message shown at `place`, or '' when it is elsewhere or over. */
  at(place: Place) {
    return this.#place === place ? this.#message : '';
  }

  /** The live region of `place`: render it beside the control that says something there. */
  line(place: Place) {
    // No text node at all when quiet, so the line is :empty and takes no room.
    return html`<p class="status-line" role="status" aria-live="polite">${this.at(place) || nothing}</p>`;
  }

  async say(place: Place, message: string) {
    // Emptying first makes a repeated message ("Copied" twice) be announced again.
    clearTimeout(this.#timer);
    this.#message = '';
    this.host.requestUpdate();
    await this.host.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    this.#place = place;
    this.#message = message;
    this.host.requestUpdate();
    if (this.lifetimeMs > 0) {
      this.#timer = setTimeout(() => {
        this.#message = '';
        this.host.requestUpdate();
      }, this.lifetimeMs);
    }
  }

  clear() {
    clearTimeout(this.#timer);
    this.#message = '';
    this.host.requestUpdate();
  }
}
