import type { SystemLineWords } from './en.ts';

export const ja: SystemLineWords = {
  joinedThroughSite: '{name} さんがウェブサイトから {workdomain} に参加しました。',
  joinedThroughPage: '{name} さんが登録ページから {workdomain} に参加しました。',
  picAssigned: 'この会話は今後 {pic} が担当します。',
  /** A ticked or unticked checkbox among a registrant's answers. */
  yes: 'はい',
  no: 'いいえ',
};
