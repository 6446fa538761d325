import { Heading, Text } from '@react-email/components';
import type { Language } from '../../../contract/languages.ts';
import { fill, mailWords } from '../i18n/index.ts';
import { Layout, styles } from './layout.tsx';

export interface PasswordChangedProps {
  lang: Language;
  name: string;
  workdomainName: string;
}

export const passwordChangedSubject = (props: PasswordChangedProps) =>
  fill(mailWords(props.lang).passwordChanged.subject, props);

export function PasswordChanged(props: PasswordChangedProps) {
  const words = mailWords(props.lang).passwordChanged;
  return (
    <Layout lang={props.lang} preview={fill(words.preview, props)}>
      <Heading style={styles.heading}>{words.heading}</Heading>
      <Text style={styles.text}>{fill(mailWords(props.lang).greeting, props)}</Text>
      <Text style={styles.text}>{fill(words.body, props)}</Text>
      <Text style={styles.text}>{words.warning}</Text>
    </Layout>
  );
}

PasswordChanged.PreviewProps = {
  lang: 'en',
  name: 'Ann Lee',
  workdomainName: 'Acme Trading',
} satisfies PasswordChangedProps;
