import { Heading, Text } from '@react-email/components';
import type { Language } from '../../../contract/languages.ts';
import { fill, mailWords } from '../i18n/index.ts';
import { Layout, styles } from './layout.tsx';

export interface EmailSignInCodeProps {
  lang: Language;
  /** The workdomains this address can sign in to, by name, comma separated. */
  workdomainNames: string;
  code: string;
  minutesValid: number;
}

export const emailSignInCodeSubject = (props: EmailSignInCodeProps) =>
  fill(mailWords(props.lang).emailSignInCode.subject, props);

export function EmailSignInCode(props: EmailSignInCodeProps) {
  const words = mailWords(props.lang).emailSignInCode;
  return (
    <Layout lang={props.lang} preview={words.preview}>
      <Heading style={styles.heading}>{words.heading}</Heading>
      <Text style={styles.text}>{words.intro}</Text>
      <Text style={styles.code}>{props.code}</Text>
      <Text style={styles.text}>{fill(words.validity, props)}</Text>
      <Text style={styles.text}>{words.ignore}</Text>
    </Layout>
  );
}

EmailSignInCode.PreviewProps = {
  lang: 'en',
  workdomainNames: 'Acme Trading, Globex',
  code: '048213',
  minutesValid: 10,
} satisfies EmailSignInCodeProps;
