import type { SystemLineWords } from './en.ts';

export const zhHant: SystemLineWords = {
  joinedThroughSite: '{name} 透過網站加入了 {workdomain}。',
  joinedThroughPage: '{name} 透過註冊頁面加入了 {workdomain}。',
  picAssigned: '此對話現由 {pic} 負責。',
  /** A ticked or unticked checkbox among a registrant's answers. */
  yes: '是',
  no: '否',
};
