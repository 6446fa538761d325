import { html, type TemplateResult } from 'lit';
import { field } from './field.ts';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const PASSWORD_HINT = `${PASSWORD_MIN}–${PASSWORD_MAX} characters. Avoid common passwords.`;

type NewPasswordField = 'password' | 'confirm';

/** The checks the server makes first, so most mistakes show without a round trip. */
export function passwordProblem(
  password: string,
  confirm: string,
): { field: NewPasswordField; message: string } | null {
  if (password.length < PASSWORD_MIN)
    return { field: 'password', message: `Use at least ${PASSWORD_MIN} characters.` };
  if (password.length > PASSWORD_MAX)
    return { field: 'password', message: `Use at most ${PASSWORD_MAX} characters.` };
  if (password !== confirm) return { field: 'confirm', message: 'The two passwords do not match.' };
  return null;
}

export interface NewPasswordOptions {
  password: string;
  confirm: string;
  errorFor: (name: NewPasswordField) => string;
  onInput: (name: NewPasswordField, value: string) => void;
}

/** The new password and its repetition, as the change and reset forms both ask for them. */
export function newPasswordFields({
  password,
  confirm,
  errorFor,
  onInput,
}: NewPasswordOptions): TemplateResult {
  return html`${field({
    id: 'password',
    label: 'New password',
    type: 'password',
    value: password,
    autocomplete: 'new-password',
    hint: PASSWORD_HINT,
    error: errorFor('password'),
    onInput: (value) => onInput('password', value),
  })}
    ${field({
      id: 'confirm',
      label: 'Repeat the new password',
      type: 'password',
      value: confirm,
      autocomplete: 'new-password',
      error: errorFor('confirm'),
      onInput: (value) => onInput('confirm', value),
    })}`;
}
