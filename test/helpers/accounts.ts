import type { Harness } from './harness.ts';

export const bearer = (sessionToken: string) => ({ authorization: `Bearer ${sessionToken}` });

let registrantCounter = 0;

/** A fresh workdomain and a registrant in it, with the unused login token from verify. */
export async function registerSomeone(h: Harness, seed: Parameters<Harness['seedWorkdomain']>[0] = {}) {
  const seeded = await h.seedWorkdomain(seed);
  const email = `person${++registrantCounter}-${Date.now().toString(36)}@example.com`;
  const { code, verified } = await h.register(seeded.linkId, 'Ann Lee', email);
  if (verified.status !== 201) throw new Error(`verify answered ${verified.status}`);
  return {
    ...seeded,
    email,
    code,
    user: verified.body.user as { id: string; name: string; email: string },
    loginToken: verified.body.loginToken as string,
  };
}

/** Password sign-in; the whole answer. */
export const login = (h: Harness, workdomain: string, email: string, password: string) =>
  h.request('POST', '/api/auth/login', { workdomain, email, password });

/** The newest password-reset token mailed to `email`, skipping the first `skip` reset mails. */
export async function resetTokenFor(
  h: Harness,
  email: string,
  skip = 0,
): Promise<{ token: string; url: string }> {
  const isReset = (mail: { subject: string }) => mail.subject.startsWith('Reset your ChatPoint password');
  await h.smtp.waitFor(email, () => h.smtp.all(email).filter(isReset).length > skip);
  const mail = h.smtp.all(email).filter(isReset).at(-1)!;
  const match = /(\S+\/reset-password#token=([A-Za-z0-9_-]+))/.exec(mail.text);
  if (!match) throw new Error(`no reset link in "${mail.subject}"`);
  return { url: match[1]!, token: match[2]! };
}
