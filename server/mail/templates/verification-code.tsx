import { CodeMail, type CodeMailProps, codeMailPreviewProps, codeMailSubject } from './code-mail.tsx';

export type VerificationCodeProps = CodeMailProps;

export const verificationCodeSubject = codeMailSubject('verificationCode');

/** The registration code for a new address. */
export function VerificationCode(props: VerificationCodeProps) {
  return <CodeMail kind="verificationCode" {...props} />;
}

VerificationCode.PreviewProps = codeMailPreviewProps;
