import { Heading, Text } from '@react-email/components';
import type { Language } from '../../../contract/languages.ts';
import { fill, mailWords } from '../i18n/index.ts';
import { Layout, styles } from './layout.tsx';

export interface VerificationCodeProps {
  lang: Language;
  name: string;
  workdomainName: string;
  code: string;
  minutesValid: number;
}

export const verificationCodeSubject = (props: VerificationCodeProps) =>
  fill(mailWords(props.lang).verificationCode.subject, props);

export function VerificationCode(props: VerificationCodeProps) {
  const words = mailWords(props.lang).verificationCode;
  return (
    <Layout lang={props.lang} preview={fill(words.preview, props)}>
      <Heading style={styles.heading}>{words.heading}</Heading>
      <Text style={styles.text}>{fill(mailWords(props.lang).greeting, props)}</Text>
      <Text style={styles.text}>{fill(words.intro, props)}</Text>
      <Text style={styles.code}>{props.code}</Text>
      <Text style={styles.text}>{fill(words.validity, props)}</Text>
      <Text style={styles.text}>{words.ignore}</Text>
    </Layout>
  );
}

VerificationCode.PreviewProps = {
  lang: 'en',
  name: 'Ann Lee',
  workdomainName: 'Acme Trading',
  code: '048213',
  minutesValid: 10,
} satisfies VerificationCodeProps;
