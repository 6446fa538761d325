import { Button, Heading, Text } from '@react-email/components';
import type { Language } from '../../../contract/languages.ts';
import { fill, mailWords } from '../i18n/index.ts';
import { Layout, styles } from './layout.tsx';

export interface AlreadyRegisteredProps {
  lang: Language;
  name: string;
  workdomainName: string;
  resetUrl: string;
}

export const alreadyRegisteredSubject = (props: AlreadyRegisteredProps) =>
  fill(mailWords(props.lang).alreadyRegistered.subject, props);

export function AlreadyRegistered(props: AlreadyRegisteredProps) {
  const words = mailWords(props.lang).alreadyRegistered;
  return (
    <Layout lang={props.lang} preview={fill(words.preview, props)}>
      <Heading style={styles.heading}>{words.heading}</Heading>
      <Text style={styles.text}>{fill(mailWords(props.lang).greeting, props)}</Text>
      <Text style={styles.text}>{fill(words.body, props)}</Text>
      <Text style={styles.text}>{words.forgot}</Text>
      <Button href={props.resetUrl} style={styles.button}>
        {words.button}
      </Button>
      <Text style={styles.text}>{words.ignore}</Text>
    </Layout>
  );
}

AlreadyRegistered.PreviewProps = {
  lang: 'en',
  name: 'Ann Lee',
  workdomainName: 'Acme Trading',
  resetUrl: 'http://localhost:8787/reset-password?workdomain=acme',
} satisfies AlreadyRegisteredProps;
