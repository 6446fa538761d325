import { describe, expect, it } from 'vitest';
import type { RegistrationField } from '../../contract/registration-fields.ts';
import { AppError } from '../errors.ts';
import { checkFieldAnswers, checkRegistrantAnswers, parsePolicyUrl } from './form-rules.ts';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError)
      return `${error.code}${error.details?.field ? `:${error.details.field}` : ''}`;
    throw error;
  }
  return 'accepted';
};

const fields: RegistrationField[] = [
  { key: 'company', label: { en: 'Company' }, type: 'text', required: true },
  { key: 'size', label: { en: 'Size' }, type: 'select', required: false, options: ['1-10', '11+'] },
  { key: 'agree_visit', label: { en: 'Visit' }, type: 'checkbox', required: true },
];

describe('form rules', () => {
  it('takes https policy URLs and http only on localhost', () => {
    expect(parsePolicyUrl('https://example.com/p', 'x')).toBe('https://example.com/p');
    expect(parsePolicyUrl('http://localhost:3000/p', 'x')).toBe('http://localhost:3000/p');
    expect(parsePolicyUrl(null, 'x')).toBeNull();
    for (const bad of ['http://example.com', 'ftp://example.com', 'https://u:p@example.com', '/privacy'])
      expect(
        refusal(() => parsePolicyUrl(bad, 'x')),
        bad,
      ).toBe('invalid_request');
  });

  it('names the question whose answer is refused', () => {
    const ok = { company: 'Acme', agree_visit: true };
    expect(checkFieldAnswers(fields, ok)).toEqual(ok);
    expect(checkFieldAnswers(fields, { ...ok, size: '11+' })).toEqual({ ...ok, size: '11+' });
    expect(refusal(() => checkFieldAnswers(fields, { agree_visit: true }))).toBe('invalid_field:company');
    expect(refusal(() => checkFieldAnswers(fields, { company: 'A' }))).toBe('invalid_field:agree_visit');
    expect(refusal(() => checkFieldAnswers(fields, { ...ok, size: '2' }))).toBe('invalid_field:size');
    expect(refusal(() => checkFieldAnswers(fields, { ...ok, extra: 'x' }))).toBe('invalid_field:extra');
  });

  it('needs consent only when the link asks for it, and records the version agreed to', () => {
    const settings = { consentRequired: true, policyVersion: 'v7', marketingOptIn: false, fields: [] };
    expect(refusal(() => checkRegistrantAnswers(settings, {}))).toBe('consent_required:consent');
    expect(checkRegistrantAnswers(settings, { consent: true, marketing: true })).toEqual({
      consentVersion: 'v7',
      marketing: null,
      fields: {},
    });
    expect(checkRegistrantAnswers({ ...settings, consentRequired: false, marketingOptIn: true }, {})).toEqual(
      { consentVersion: null, marketing: false, fields: {} },
    );
  });
});
