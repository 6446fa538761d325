import { CodeMail, type CodeMailProps, codeMailPreviewProps, codeMailSubject } from './code-mail.tsx';

export type SignInCodeProps = CodeMailProps;

export const signInCodeSubject = codeMailSubject('signInCode');

/** For an address that already has an account: the registration form signs its holder in. */
export function SignInCode(props: SignInCodeProps) {
  return <CodeMail kind="signInCode" {...props} />;
}

SignInCode.PreviewProps = codeMailPreviewProps;
