import type { MailWords } from './en.ts';

export const ja: MailWords = {
  footer:
    'ChatPoint — ビジネスチャット。このメールは、ChatPoint でこのメールアドレスが使用されたためお送りしています。',
  footerPic:
    'ChatPoint — ビジネスチャット。このメールは、あなたが {workdomainName} の公開登録の担当者であるためお送りしています。',
  footerAdmin:
    'ChatPoint — ビジネスチャット。このメールは、あなたが ChatPoint 上の {workdomainName} の管理者であるためお送りしています。',
  greeting: '{name} 様',
  verificationCode: {
    subject: '{code} は ChatPoint の確認コードです',
    preview: '{workdomainName} の確認コードをお送りします',
    heading: 'メールアドレスの確認',
    intro: 'ChatPoint で {workdomainName} への登録を完了するには、次のコードを入力してください。',
    validity:
      'このコードの有効期限は {minutesValid} 分です。最初のパスワードとしても使えます。サインイン後、ご自身のパスワードを設定していただきます。',
    ignore:
      'お心当たりがない場合は、このメールを破棄してください。コードが入力されない限り、アカウントは作成されません。',
    orTap: 'または、登録中の端末で次のボタンをタップしてください。',
    button: 'メールアドレスを確認する',
  },
  alreadyRegistered: {
    subject: '{workdomainName} の ChatPoint アカウントはすでに登録されています',
    preview: '{workdomainName} のアカウントはすでにお持ちです',
    heading: 'アカウントはすでに登録されています',
    body: 'ChatPoint で、このメールアドレスを {workdomainName} に登録するお申し込みがありました。このアドレスのアカウントはすでにあるため、新しいアカウントは作成されず、コードも必要ありません。',
    forgot: 'パスワードをお忘れの場合は、こちらから新しいパスワードを設定できます。',
    button: 'パスワードを再設定する',
    ignore: 'お心当たりがない場合は、このメールを破棄してください。',
  },
  passwordReset: {
    subject: '{workdomainName} の ChatPoint パスワードの再設定',
    preview: 'ChatPoint の新しいパスワードを設定してください',
    heading: '新しいパスワードの設定',
    body: '下のボタンから {workdomainName} の新しいパスワードを設定してください。ChatPoint アプリを入れたスマートフォンでは、アプリで開きます。',
    button: '新しいパスワードを設定する',
    orOpenLink: 'または、次のリンクを開いてください：',
    validity:
      'このリンクは {minutesValid} 分間、1 回だけ使えます。お心当たりがない場合は、このメールを破棄してください。',
  },
  passwordChanged: {
    subject: 'ChatPoint のパスワードが変更されました',
    preview: 'ChatPoint のパスワードが変更されました',
    heading: 'パスワードが変更されました',
    body: 'ChatPoint の {workdomainName} アカウントのパスワードが変更されました。ほかの端末はすべてサインアウトされています。',
    warning: 'お心当たりがない場合は、すぐにパスワードを再設定し、管理者にご連絡ください。',
  },
  registrationClosed: {
    subject: '{workdomainName} の公開登録を停止しました',
    preview: '{workdomainName} の公開登録を停止しました',
    heading: '公開登録が停止されました',
    body: 'ChatPoint は {workdomainName} の公開登録の受付を停止しました。',
    pic_unavailable:
      '担当者が有効なユーザーではなくなりました。別の担当者を選んでから、もう一度受付を開始してください。',
    capacity_reached:
      '外部ユーザーの枠がすべて埋まりました。上限を引き上げるか枠を空けてから、もう一度受付を開始してください。',
    plan_ineligible: 'ご契約のプランに公開登録が含まれなくなりました（Pro 以上のプランが必要です）。',
    button: 'ユーザー管理を開く',
  },
  signInCode: {
    subject: '{workdomainName} のサインインコード',
    preview: '{code} は {workdomainName} のサインインコードです',
    heading: 'おかえりなさい',
    intro:
      'ChatPoint の {workdomainName} にはすでにアカウントをお持ちです。サインインするには、次のコードを入力してください。',
    validity: 'このコードは {minutesValid} 分間、1 回だけ使えます。パスワードは変わりません。',
    ignore:
      'お心当たりがない場合は、このメールを破棄してください。コードがなければ誰もサインインできません。',
    orTap: 'または、登録中の端末で次のボタンをタップしてください。',
    button: 'サインインする',
  },
  picDigest: {
    subject: '{workdomainName} の新しい登録者：{count} 人',
    preview: '前回のまとめ以降、{count} 人が {workdomainName} に登録しました',
    heading: '新しい登録者',
    body: '前回のまとめ以降、{count} 人が {workdomainName} に登録し、あなたの連絡先に加わりました：',
    button: 'ChatPoint を開く',
  },
  picNewRegistrant: {
    subject: '{registrantName} さんが ChatPoint で {workdomainName} に登録しました',
    preview: '{registrantName} さん（{registrantEmail}）があなたの連絡先に加わりました',
    heading: '新しい登録者',
    body: '{registrantName} さん（{registrantEmail}）がウェブサイトから {workdomainName} に登録し、あなたの連絡先に加わりました。',
    firstMessage: '最初のメッセージ：',
    answers: '回答:',
    button: '会話を開く',
  },
  emailSignInCode: {
    subject: '{code} は ChatPoint のサインインコードです',
    preview: 'ChatPoint のサインインコード',
    heading: 'ChatPoint にサインイン',
    intro: 'サインインするには、次のコードを入力してください。',
    validity:
      'このコードは {minutesValid} 分間、1 回だけ使えます。このアドレスでサインインできる先：{workdomainNames}',
    ignore:
      'お心当たりがない場合は、このメールを破棄してください。コードがなければ誰もサインインできません。',
  },
};
