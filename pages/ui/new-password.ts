import { html, type TemplateResult } from 'lit';
import { limits } from '../../contract/limits.ts';
import { field } from './field.ts';
import { fill, words } from './i18n/index.ts';

export const PASSWORD_MIN = limits.passwordMinLength;
export const PASSWORD_MAX = limits.passwordMaxLength;

type NewPasswordField = 'password' | 'confirm';

/** The checks the server makes first, so most mistakes show without a round trip. */
export function passwordProblem(
  password: string,
  confirm: string,
): { field: NewPasswordField; message: string } | null {
  if (password.length < PASSWORD_MIN)
    return { field: 'password', message: fill(words().newPassword.tooShort) };
  if (password.length > PASSWORD_MAX)
    return { field: 'password', message: fill(words().newPassword.tooLong) };
  if (password !== confirm) return { field: 'confirm', message: words().newPassword.mismatch };
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
    label: words().newPassword.label,
    type: 'password',
    value: password,
    autocomplete: 'new-password',
    hint: fill(words().newPassword.hint),
    error: errorFor('password'),
    onInput: (value) => onInput('password', value),
  })}
    ${field({
      id: 'confirm',
      label: words().newPassword.repeat,
      type: 'password',
      value: confirm,
      autocomplete: 'new-password',
      error: errorFor('confirm'),
      onInput: (value) => onInput('confirm', value),
    })}`;
}
