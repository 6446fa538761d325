import { html } from 'lit';
import type { helpTexts } from './help-texts.ts';
import { adminWords, fill } from './i18n/index.ts';

export type HelpTopic = keyof typeof helpTexts;

export interface HelpState {
  expandedHelp: ReadonlySet<HelpTopic>;
  toggleHelp(topic: HelpTopic): void;
}

/** The "?" beside a setting. It and its text must sit in the same shadow root for aria-controls. */
export const helpButton = (state: HelpState, topic: HelpTopic, setting: string) =>
  html`<button
    type="button"
    class="help"
    aria-label=${fill(adminWords().page.helpFor, { setting })}
    title=${fill(adminWords().page.helpFor, { setting })}
    aria-expanded=${state.expandedHelp.has(topic) ? 'true' : 'false'}
    aria-controls="help-${topic}"
    @click=${() => state.toggleHelp(topic)}
  >?</button>`;

export const helpText = (state: HelpState, topic: HelpTopic) =>
  html`<p id="help-${topic}" class="help-text" ?hidden=${!state.expandedHelp.has(topic)}>${adminWords().help[topic]}</p>`;

/** A setting's label with its "?" beside it, then the help text the "?" shows. */
export const labelWithHelp = (state: HelpState, topic: HelpTopic, inputId: string, label: string) =>
  html`<div class="label-row">
      <label for=${inputId}>${label}</label>
      ${helpButton(state, topic, label)}
    </div>
    ${helpText(state, topic)}`;
