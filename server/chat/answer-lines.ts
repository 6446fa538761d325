import type { Language } from '../../contract/languages.ts';
import { type FieldAnswers, fieldLabel, type RegistrationField } from '../../contract/registration-fields.ts';
import { systemLineCatalogues } from './i18n/index.ts';

/** A registrant's answer as stored with the line announcing them: the labels of the time, every language. */
export interface StoredAnswer {
  key: string;
  label: RegistrationField['label'];
  value: string | boolean;
}

/** The answers in the form's order, with the labels the admin gave at the time. */
export const storedAnswers = (fields: readonly RegistrationField[], answers: FieldAnswers): StoredAnswer[] =>
  fields.flatMap((field) => {
    const value = answers[field.key];
    return value === undefined ? [] : [{ key: field.key, label: field.label, value }];
  });

/** One `label: value` line per answer, in the reader's language. */
export function answerLines(answers: readonly StoredAnswer[], lang: Language): string {
  const words = systemLineCatalogues[lang];
  return answers
    .map((answer) => {
      const value = typeof answer.value === 'boolean' ? (answer.value ? words.yes : words.no) : answer.value;
      return `${fieldLabel(answer, lang)}: ${value}`;
    })
    .join('\n');
}
