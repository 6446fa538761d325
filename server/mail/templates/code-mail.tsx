import { Button, Heading, Text } from '@react-email/components';
import type { Language } from '../../../contract/languages.ts';
import { fill, mailWords } from '../i18n/index.ts';
import { Layout, styles } from './layout.tsx';

export interface CodeMailProps {
  lang: Language;
  name: string;
  workdomainName: string;
  code: string;
  minutesValid: number;
  /** The hosted registration page with the code in its fragment: one tap verifies. */
  verifyUrl: string;
}

type CodeMailKind = 'verificationCode' | 'signInCode';

export const codeMailSubject = (kind: CodeMailKind) => (props: CodeMailProps) =>
  fill(mailWords(props.lang)[kind].subject, props);

/**
 * A mail carrying a 6-digit code and its one-tap link. The registration code and the sign-in code
 * of a returning member differ only in their words.
 */
export function CodeMail({ kind, ...props }: CodeMailProps & { kind: CodeMailKind }) {
  const words = mailWords(props.lang)[kind];
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

export const codeMailPreviewProps = {
  lang: 'en',
  name: 'Ann Lee',
  workdomainName: 'Acme Trading',
  code: '048213',
  minutesValid: 10,
  verifyUrl: 'http://localhost:8787/join/q8Yb3m2c0JxTQw1a#verify=0b8e1f5e-6c1e-4a58-9a55-3c0c9d7f2a10.048213',
} satisfies CodeMailProps;
