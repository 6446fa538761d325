import { Button, Heading, Text } from '@react-email/components';
import type { Language } from '../../../contract/languages.ts';
import { fill, mailWords } from '../i18n/index.ts';
import { Layout, styles } from './layout.tsx';

export interface VerificationCodeProps {
  lang: Language;
  name: string;
  workdomainName: string;
  code: string;
  minutesValid: number;
  /** The hosted registration page with the code in its fragment: one tap verifies. */
  verifyUrl: string;
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
      <Text style={styles.text}>{words.orTap}</Text>
      <Button href={props.verifyUrl} style={styles.button}>
        {words.button}
      </Button>
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
  verifyUrl: 'http://localhost:8787/join/q8Yb3m2c0JxTQw1a#verify=0b8e1f5e-6c1e-4a58-9a55-3c0c9d7f2a10.048213',
} satisfies VerificationCodeProps;
