import type { ChatpointRegister } from '../chatpoint-register.ts';
import '../chatpoint-register.ts';
import { equal } from './assert.ts';

export const endpoint = 'https://api.chat.example';

const mounted: Element[] = [];

/** Waits until `check` returns something truthy (polling), or fails after `timeout` ms. */
export async function waitFor<T>(
  check: () => T,
  what = 'condition',
  timeout = 3000,
): Promise<NonNullable<T>> {
  const end = performance.now() + timeout;
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Adds `<chatpoint-register>` to the page (inside `wrapper` if given) and waits for the first view. */
export async function mount(
  attributes: Record<string, string> = {},
  wrapper?: HTMLElement,
): Promise<ChatpointRegister> {
  const element = place(attributes, wrapper);
  await waitFor(() => element.flow.state !== 'loading', 'the link info');
  await element.updateComplete;
  return element;
}

/** Adds `<chatpoint-register>` to the page without waiting: it shows the loading view until the link info answers. */
export function place(attributes: Record<string, string> = {}, wrapper?: HTMLElement): ChatpointRegister {
  const element = document.createElement('chatpoint-register');
  for (const [name, value] of Object.entries({ link: 'L1', endpoint, ...attributes })) {
    element.setAttribute(name, value);
  }
  const parent = wrapper ?? element;
  if (wrapper) wrapper.append(element);
  document.body.append(parent);
  mounted.push(parent);
  return element;
}

/** Removes every mounted element and the progress they kept, so each test starts afresh. */
export function unmountAll(): void {
  for (const element of mounted.splice(0)) element.remove();
  sessionStorage.clear();
}

export function $<E extends Element = HTMLElement>(element: ChatpointRegister, selector: string): E {
  const found = element.shadowRoot!.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector} in ${element.shadowRoot!.innerHTML}`);
  return found;
}

export function $$(element: ChatpointRegister, selector: string): HTMLElement[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

/** The button whose text is `text`. */
export function button(element: ChatpointRegister, text: string): HTMLButtonElement {
  const found = $$(element, 'button').find((b) => b.textContent!.trim() === text);
  if (!found) throw new Error(`no button "${text}" in ${element.shadowRoot!.innerHTML}`);
  return found as HTMLButtonElement;
}

/** The text of the alert beside the field (`name`, `email`, `code`) or the submit button (`form`). */
export function alertText(element: ChatpointRegister, field: string): string {
  return $(element, `#${field}-error[role="alert"]`).textContent!.trim();
}

export function typeInto(element: ChatpointRegister, selector: string, value: string): void {
  const input = $<HTMLInputElement>(element, selector);
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
}

/** What the registrant sees as focused inside the element. */
export function focused(element: ChatpointRegister): Element | null {
  return element.shadowRoot!.activeElement;
}

/** Fills the details and submits; resolves with the answer shown. */
export async function submitDetails(element: ChatpointRegister, name = 'Ann Lee', email = 'ann@example.com') {
  typeInto(element, '#name', name);
  typeInto(element, '#email', email);
  $<HTMLFormElement>(element, 'form').requestSubmit();
  await settled(element);
}

/** Fills the details and submits; resolves when the code step shows. */
export async function toCodeStep(element: ChatpointRegister, name = 'Ann Lee', email = 'ann@example.com') {
  await submitDetails(element, name, email);
  equal(element.flow.state, 'code', 'the step after details');
}

export async function submitCode(element: ChatpointRegister, code: string): Promise<void> {
  typeInto(element, '#code', code);
  $<HTMLFormElement>(element, 'form').requestSubmit();
  await waitFor(() => !element.flow.busy, 'the verify answer');
  await element.updateComplete;
}

/** Waits for the element to settle after a request. */
export async function settled(element: ChatpointRegister): Promise<void> {
  await waitFor(() => !element.flow.busy, 'the answer');
  await element.updateComplete;
}
