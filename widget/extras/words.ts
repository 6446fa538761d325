import type { Language } from '../../contract/languages.ts';

/**
 * The words of the notice, consent and questions, in the on-demand part only: links without these
 * options never load them. `{links}` is "Terms and Privacy Policy" (whichever are set), `{w}` the workdomain.
 */
export const extrasWords: Record<Language, Record<string, string>> = {
  en: {
    agree: 'I agree to the {links}',
    read: 'Please read the {links}.',
    and: ' and the ',
    terms: 'Terms',
    privacy: 'Privacy Policy',
    marketing: 'Send me news and offers from {w}',
    consent_required: 'Please agree to register.',
    invalid_field: 'Please check this answer.',
    choose: 'Choose…',
  },
  ja: {
    agree: '{links}に同意します',
    read: '{links}をご確認ください。',
    and: 'と',
    terms: '利用規約',
    privacy: 'プライバシーポリシー',
    marketing: '{w}からのお知らせや特典を受け取る',
    consent_required: '登録するには同意が必要です。',
    invalid_field: 'この回答をご確認ください。',
    choose: '選択してください',
  },
  'zh-Hant': {
    agree: '我同意{links}',
    read: '請參閱{links}。',
    and: '及',
    terms: '服務條款',
    privacy: '隱私權政策',
    marketing: '我願意收到{w}的最新消息與優惠',
    consent_required: '請先同意才能註冊。',
    invalid_field: '請檢查此回答。',
    choose: '請選擇…',
  },
  'zh-Hans': {
    agree: '我同意{links}',
    read: '请参阅{links}。',
    and: '及',
    terms: '服务条款',
    privacy: '隐私政策',
    marketing: '我愿意收到{w}的最新消息和优惠',
    consent_required: '请先同意才能注册。',
    invalid_field: '请检查此回答。',
    choose: '请选择…',
  },
};
