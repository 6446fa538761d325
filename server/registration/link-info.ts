import type { AppDeps } from '../deps.ts';
import { isOpen } from './availability.ts';
import { recordFunnelEvent } from './funnel.ts';
import { findLink } from './link.ts';
import { privacySettingsOf } from './privacy-settings.ts';

/** The link's public facts; `countView` counts a visitor in the funnel (the widget asks once per session). */
export async function getLinkInfo(deps: AppDeps, linkId: string, countView = false) {
  const link = await findLink(deps.db, linkId);
  if (countView)
    await recordFunnelEvent(deps.db, { workdomainId: link.workdomain.id, linkId }, 'link_viewed');
  return {
    workdomain: { name: link.workdomain.name },
    open: isOpen(link.settings, link.workdomain),
    message: link.settings.message,
    challenge: link.settings.botProtection,
    ...privacySettingsOf(link.settings),
  };
}
