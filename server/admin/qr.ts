import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Queryable } from '../db/client.ts';
import { registrationSettings } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { registrationUrl } from '../registration/link.ts';

/** The registration URL as an SVG QR code, for posters and counters; 404 before the first open. */
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
  return QRCode.toString(registrationUrl(publicUrl, settings.linkId), {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
  });
}
