import type { MailWords } from './en.ts';

export const zhHans: MailWords = {
  footer: 'ChatPoint — 商务聊天。您收到这封邮件，是因为有人在 ChatPoint 上使用了这个邮箱地址。',
  greeting: '{name}，您好：',
  verificationCode: {
    subject: '{code} 是您的 ChatPoint 验证码',
    preview: '您在 {workdomainName} 的验证码',
    heading: '验证您的邮箱',
    intro: '请输入以下验证码，完成加入 ChatPoint 上的 {workdomainName}：',
    validity: '验证码 {minutesValid} 分钟内有效，同时也是您的初始密码；登录后系统会提示您设置自己的密码。',
    ignore: '如果这不是您本人的操作，请忽略此邮件；没有验证码就不会创建账号。',
  },
  alreadyRegistered: {
    subject: '您在 {workdomainName} 已有 ChatPoint 账号',
    preview: '您在 {workdomainName} 已有账号',
    heading: '您已经有账号了',
    body: '有人申请用这个邮箱地址在 ChatPoint 上加入 {workdomainName}。该地址已有账号，因此不会创建新账号，也不需要验证码。',
    forgot: '如果忘记了密码，可以在这里设置新密码：',
    button: '重置密码',
    ignore: '如果这不是您本人的操作，请忽略此邮件。',
  },
  passwordReset: {
    subject: '重置您在 {workdomainName} 的 ChatPoint 密码',
    preview: '设置新的 ChatPoint 密码',
    heading: '设置新密码',
    body: '请点击下方按钮，为 {workdomainName} 设置新密码。如果手机上已安装 ChatPoint，链接会在应用中打开。',
    button: '设置新密码',
    orOpenLink: '或打开此链接：',
    validity: '此链接仅可使用一次，{minutesValid} 分钟内有效。如果您没有申请重置密码，请忽略此邮件。',
  },
  passwordChanged: {
    subject: '您的 ChatPoint 密码已更改',
    preview: '您的 ChatPoint 密码已更改',
    heading: '您的密码已更改',
    body: '您在 ChatPoint 上 {workdomainName} 账号的密码刚刚已更改，其他设备均已退出登录。',
    warning: '如果这不是您本人的操作，请立即重置密码并告知您的管理员。',
  },
  registrationClosed: {
    subject: '{workdomainName} 的公开注册已关闭',
    preview: '{workdomainName} 的公开注册已关闭',
    heading: '公开注册已关闭',
    body: 'ChatPoint 已关闭 {workdomainName} 的公开注册。',
    pic_unavailable: '负责人已不再是有效用户。请选择其他负责人，然后重新开放注册。',
    capacity_reached: '外部用户名额已全部用完。请提高上限或释放名额，然后重新开放注册。',
    plan_ineligible: '当前套餐已不包含公开注册功能（需要 Pro 或更高级别的套餐）。',
    button: '打开用户管理',
  },
};
