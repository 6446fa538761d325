import type { Language } from '../../contract/languages.ts';
import type { SystemEvent } from '../db/schema/index.ts';
import { fill } from '../mail/i18n/index.ts';
import { answerLines } from './answer-lines.ts';
import { systemLineCatalogues } from './i18n/index.ts';

/** A system line's words in a language; null for an event this version does not know. */
export function systemLineText(event: SystemEvent, lang: Language): string | null {
  const words = systemLineCatalogues[lang] ?? systemLineCatalogues.en;
  switch (event.type) {
    case 'joined': {
      const joined = fill(event.via === 'page' ? words.joinedThroughPage : words.joinedThroughSite, {
        name: event.user.name,
        workdomain: event.workdomain.name,
      });
      return event.answers?.length ? `${joined}\n${answerLines(event.answers, lang)}` : joined;
    }
    case 'pic_assigned':
      return fill(words.picAssigned, { pic: event.pic.name });
    default:
      return null;
  }
}

/** A stored system line as written: the event and its English words (the stored `body`). */
export function systemLine(event: SystemEvent) {
  return { kind: 'system' as const, senderId: null, event, body: systemLineText(event, 'en') ?? '' };
}

/** The body a reader sees: a stored event in their language; any other line as stored. */
export function bodyFor(row: { body: string; event: SystemEvent | null }, lang: Language): string {
  return (row.event && systemLineText(row.event, lang)) ?? row.body;
}
