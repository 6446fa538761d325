import { Button, Heading, Link, Text } from '@react-email/components';
import type { Language } from '../../../contract/languages.ts';
import { fill, mailWords } from '../i18n/index.ts';
import { Layout, styles } from './layout.tsx';

export interface PasswordResetProps {
  lang: Language;
  name: string;
  workdomainName: string;
  resetUrl: string;
  minutesValid: number;
}

export const passwordResetSubject = (props: PasswordResetProps) =>
  fill(mailWords(props.lang).passwordReset.subject, props);

export function PasswordReset(props: PasswordResetProps) {
  const words = mailWords(props.lang).passwordReset;
  return (
    <Layout lang={props.lang} preview={fill(words.preview, props)}>
      <Heading style={styles.heading}>{words.heading}</Heading>
      <Text style={styles.text}>{fill(mailWords(props.lang).greeting, props)}</Text>
      <Text style={styles.text}>{fill(words.body, props)}</Text>
      <Button href={props.resetUrl} style={styles.button}>
        {words.button}
      </Button>
      <Text style={styles.text}>
        {words.orOpenLink} <Link href={props.resetUrl}>{props.resetUrl}</Link>
      </Text>
      <Text style={styles.text}>{fill(words.validity, props)}</Text>
    </Layout>
  );
}

PasswordReset.PreviewProps = {
  lang: 'en',
  name: 'Ann Lee',
  workdomainName: 'Acme Trading',
  resetUrl: 'http://localhost:8787/reset-password#token=example',
  minutesValid: 30,
} satisfies PasswordResetProps;
