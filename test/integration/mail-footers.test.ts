import { describe, expect, it } from 'vitest';
import { languages } from '../../contract/languages.ts';
import { fill, mailWords } from '../../server/mail/i18n/index.ts';
import { renderEmail } from '../../server/mail/render.ts';
import { PicNewRegistrant } from '../../server/mail/templates/pic-new-registrant.tsx';
import { RegistrationClosed } from '../../server/mail/templates/registration-closed.tsx';
import { VerificationCode } from '../../server/mail/templates/verification-code.tsx';

/** Whitespace as the plain-text rendering may wrap it. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe.each(languages)('mail footers in %s', (lang) => {
  const words = mailWords(lang);

  it('tell the person in charge and admins why they get mail, not that someone used their address', async () => {
    const pic = await renderEmail('pic-new-registrant', { ...PicNewRegistrant.PreviewProps, lang });
    const closed = await renderEmail('registration-closed', { ...RegistrationClosed.PreviewProps, lang });
    for (const [mail, footer] of [
      [pic, words.footerPic],
      [closed, words.footerAdmin],
    ] as const) {
      const expected = fill(footer, { workdomainName: 'Acme Trading' });
      expect(flat(mail.text)).toContain(flat(expected));
      expect(mail.html).toContain(expected);
      expect(flat(mail.text)).not.toContain(flat(words.footer));
    }
  });

  it('keep the registrant footer on mail to the address someone typed', async () => {
    const code = await renderEmail('verification-code', { ...VerificationCode.PreviewProps, lang });
    expect(flat(code.text)).toContain(flat(words.footer));
  });
});
