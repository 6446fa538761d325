import type { MailWords } from './en.ts';

export const zhHant: MailWords = {
  footer: 'ChatPoint — 商務聊天。您收到這封郵件，是因為有人在 ChatPoint 上使用了這個電子郵件地址。',
  greeting: '{name} 您好：',
  verificationCode: {
    subject: '{code} 是您的 ChatPoint 驗證碼',
    preview: '您在 {workdomainName} 的驗證碼',
    heading: '確認您的電子郵件地址',
    intro: '請輸入以下驗證碼，完成加入 ChatPoint 上的 {workdomainName}：',
    validity: '驗證碼在 {minutesValid} 分鐘內有效，同時也是您的初始密碼；登入後系統會請您設定自己的密碼。',
    ignore: '如果這不是您本人的操作，請忽略這封郵件；沒有驗證碼就不會建立帳戶。',
  },
  alreadyRegistered: {
    subject: '您在 {workdomainName} 已有 ChatPoint 帳戶',
    preview: '您在 {workdomainName} 已有帳戶',
    heading: '您已經有帳戶了',
    body: '有人申請以這個電子郵件地址在 ChatPoint 上加入 {workdomainName}。此地址已經有帳戶，因此不會建立新帳戶，也不需要驗證碼。',
    forgot: '如果忘記密碼，可以在這裡設定新密碼：',
    button: '重設密碼',
    ignore: '如果這不是您本人的操作，請忽略這封郵件。',
  },
  passwordReset: {
    subject: '重設您在 {workdomainName} 的 ChatPoint 密碼',
    preview: '設定新的 ChatPoint 密碼',
    heading: '設定新密碼',
    body: '請點按下方按鈕，為 {workdomainName} 設定新密碼。如果手機已安裝 ChatPoint，連結會在 App 中開啟。',
    button: '設定新密碼',
    orOpenLink: '或開啟這個連結：',
    validity: '這個連結只能使用一次，{minutesValid} 分鐘內有效。如果您沒有提出這項要求，請忽略這封郵件。',
  },
  passwordChanged: {
    subject: '您的 ChatPoint 密碼已變更',
    preview: '您的 ChatPoint 密碼已變更',
    heading: '您的密碼已變更',
    body: '您在 ChatPoint 上 {workdomainName} 帳戶的密碼剛剛已變更，其他裝置都已登出。',
    warning: '如果這不是您本人的操作，請立即重設密碼並通知您的管理員。',
  },
  registrationClosed: {
    subject: '{workdomainName} 的公開註冊已關閉',
    preview: '{workdomainName} 的公開註冊已關閉',
    heading: '公開註冊已關閉',
    body: 'ChatPoint 已關閉 {workdomainName} 的公開註冊。',
    pic_unavailable: '負責人已不是啟用中的使用者。請選擇其他負責人，然後重新開放註冊。',
    capacity_reached: '外部使用者名額已全數用完。請提高上限或釋出名額，然後重新開放註冊。',
    plan_ineligible: '目前的方案已不包含公開註冊功能（需要 Pro 或以上方案）。',
    button: '開啟使用者管理',
  },
};
