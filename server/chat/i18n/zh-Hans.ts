import type { SystemLineWords } from './en.ts';

export const zhHans: SystemLineWords = {
  joinedThroughSite: '{name} 通过网站加入了 {workdomain}。',
  joinedThroughPage: '{name} 通过注册页面加入了 {workdomain}。',
  picAssigned: '此对话现由 {pic} 负责。',
  /** A ticked or unticked checkbox among a registrant's answers. */
  yes: '是',
  no: '否',
};
