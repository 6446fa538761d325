import { LitElement, type ReactiveElement } from 'lit';
import { errorMessage } from './api.ts';
import { LanguageController, words } from './i18n/index.ts';
import { pageStyles } from './page-styles.ts';

/** The error text beside a field, or beside the submit button (`form`). */
export interface FieldError<F extends string> {
  field: F | 'form';
  message: string;
}

/** The first of the fields left blank, as the error to show; null when all are filled in. */
export function blankField<F extends string>(values: Record<F, string>): FieldError<F> | null {
  const blank = (Object.keys(values) as F[]).find((name) => !values[name].trim());
  return blank ? { field: blank, message: words().common.fillIn } : null;
}

export interface Submission<F extends string> {
  /** A mistake found before sending, so it shows without a round trip. */
  check?: () => FieldError<F> | null;
  send: () => Promise<void>;
  /** Where a failed request's message shows (null: nowhere). By default beside the submit button. */
  fail?: (error: unknown) => FieldError<F> | null;
}

/**
 * The busy flag and the one error a page form shows. A field's error takes focus to that field, so
 * the user lands where the fix is; a form-wide error is announced by the alert beside the button.
 */
export class FormState<F extends string> {
  #busy = false;
  #error: FieldError<F> | null = null;

  constructor(private readonly host: ReactiveElement) {}

  get busy(): boolean {
    return this.#busy;
  }

  /** The message to show beside `name`; empty when it is fine. Bound, so it can be handed on. */
  readonly errorFor = (name: F | 'form'): string => (this.#error?.field === name ? this.#error.message : '');

  show(error: FieldError<F>): void {
    this.#error = error;
    this.host.requestUpdate();
    if (error.field !== 'form')
      this.host.updateComplete.then(() =>
        this.host.renderRoot.querySelector<HTMLElement>(`#${error.field}`)?.focus(),
      );
  }

  /** Forgets the error shown, e.g. when the form moves to another step. */
  clear(): void {
    this.#error = null;
    this.host.requestUpdate();
  }

  /** Runs an action that is not a submit (e.g. "Send a new code") with the same busy flag and errors. */
  run(send: () => Promise<void>): Promise<void> {
    return this.submit(new SubmitEvent('submit'), { send });
  }

  /** Handles a submit: ignored while one is under way; checks, sends, and shows what went wrong. */
  async submit(event: SubmitEvent, { check, send, fail }: Submission<F>): Promise<void> {
    event.preventDefault();
    if (this.#busy) return;
    const problem = check?.();
    if (problem) return this.show(problem);
    this.#busy = true;
    this.#error = null;
    this.host.requestUpdate();
    try {
      await send();
    } catch (error) {
      const shown = fail ? fail(error) : { field: 'form' as const, message: errorMessage(error) };
      if (shown) this.show(shown);
    } finally {
      this.#busy = false;
      this.host.requestUpdate();
    }
  }
}

/** A form element inside a hosted page: the pages' look, focus passed on to its first field. */
export class PageForm<F extends string> extends LitElement {
  static override styles = pageStyles;
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  protected readonly form = new FormState<F>(this);
  protected readonly language = new LanguageController(this);
}
