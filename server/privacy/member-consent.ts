import { eq } from 'drizzle-orm';
import type { Database, Queryable } from '../db/client.ts';
import { registrationSettings, users } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { recordChoices } from './consent-ledger.ts';

interface Member {
  id: string;
  workdomainId: string;
  lang: 'en' | 'zh-Hant' | 'zh-Hans' | 'ja';
}

async function policyOf(db: Queryable, member: Member) {
  const [row] = await db
    .select({
      consentRequired: registrationSettings.consentRequired,
      version: registrationSettings.policyVersion,
      termsUrl: registrationSettings.termsUrl,
      privacyPolicyUrl: registrationSettings.privacyPolicyUrl,
      agreed: users.consentVersion,
    })
    .from(users)
    .leftJoin(registrationSettings, eq(registrationSettings.workdomainId, users.workdomainId))
    .where(eq(users.id, member.id));
  return row;
}

/**
 * What a member must agree to again: set when they agreed to a version of the policy other than
 * the current one, while the workdomain asks for consent; null otherwise.
 */
export async function consentNeededFor(db: Queryable, member: Member) {
  const policy = await policyOf(db, member);
  if (
    !policy?.consentRequired ||
    !policy.version ||
    policy.agreed === null ||
    policy.agreed === policy.version
  )
    return null;
  return { version: policy.version, termsUrl: policy.termsUrl, privacyPolicyUrl: policy.privacyPolicyUrl };
}

/** The member agrees to the current version: appended to the ledger. Another version → 422. */
export async function giveConsent(db: Database, member: Member, version: string, origin: string | null) {
  await db.transaction(async (tx) => {
    const policy = await policyOf(tx, member);
    if (!policy?.version || policy.version !== version)
      throw new AppError('invalid_request', {
        status: 422,
        message: 'This is not the current version of the terms and privacy policy.',
      });
    await recordChoices(
      tx,
      { workdomainId: member.workdomainId, userId: member.id, lang: member.lang, linkId: null, origin },
      { consentVersion: version, marketing: null },
      version,
    );
  });
}
