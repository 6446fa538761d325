import { Button, Heading, Text } from '@react-email/components';
import type { Language } from '../../../contract/languages.ts';
import { fill, mailWords } from '../i18n/index.ts';
import { Layout, styles } from './layout.tsx';

export interface RegistrationClosedProps {
  /** The admin's own language. */
  lang: Language;
  adminName: string;
  workdomainName: string;
  reason: 'pic_unavailable' | 'capacity_reached' | 'plan_ineligible';
  adminUrl: string;
}

export const registrationClosedSubject = (props: RegistrationClosedProps) =>
  fill(mailWords(props.lang).registrationClosed.subject, props);

export function RegistrationClosed(props: RegistrationClosedProps) {
  const words = mailWords(props.lang).registrationClosed;
  return (
    <Layout
      lang={props.lang}
      preview={fill(words.preview, props)}
      footer={fill(mailWords(props.lang).footerAdmin, props)}
    >
      <Heading style={styles.heading}>{words.heading}</Heading>
      <Text style={styles.text}>{fill(mailWords(props.lang).greeting, { name: props.adminName })}</Text>
      <Text style={styles.text}>
        {fill(words.body, props)} {words[props.reason]}
      </Text>
      <Button href={props.adminUrl} style={styles.button}>
        {words.button}
      </Button>
    </Layout>
  );
}

RegistrationClosed.PreviewProps = {
  lang: 'en',
  adminName: 'Grace Admin',
  workdomainName: 'Acme Trading',
  reason: 'capacity_reached',
  adminUrl: 'http://localhost:8787/admin',
} satisfies RegistrationClosedProps;
