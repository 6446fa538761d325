import { Heading, Text } from '@react-email/components';
import type { Language } from '../../../contract/languages.ts';
import { fill, mailWords } from '../i18n/index.ts';
import { Layout, styles } from './layout.tsx';

export interface SignInCodeProps {
  lang: Language;
  name: string;
  workdomainName: string;
  code: string;
  minutesValid: number;
}

export const signInCodeSubject = (props: SignInCodeProps) =>
  fill(mailWords(props.lang).signInCode.subject, props);

/** For an address that already has an account: the registration form signs its holder in. */
export function SignInCode(props: SignInCodeProps) {
  const words = mailWords(props.lang).signInCode;
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

SignInCode.PreviewProps = {
  lang: 'en',
  name: 'Ann Lee',
  workdomainName: 'Acme Trading',
  code: '048213',
  minutesValid: 10,
} satisfies SignInCodeProps;
