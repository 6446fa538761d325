import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { registrationSettings } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { linkQrSvg } from '../registration/links.ts';

/** The default link's URL as an SVG QR code, for posters and counters; 404 before the first open. */
export async function registrationQrSvg(db: Queryable, workdomainId: string, publicUrl: string) {
  const [settings] = await db
    .select({ linkId: registrationSettings.linkId })
    .from(registrationSettings)
    .where(eq(registrationSettings.workdomainId, workdomainId));
  if (!settings?.linkId) {
    throw new AppError('link_not_found', {
      message: 'There is no registration link yet. Open registration once to create it.',
    });
  }
  return linkQrSvg(db, workdomainId, settings.linkId, publicUrl);
}
