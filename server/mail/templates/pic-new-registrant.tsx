import { Text } from '@react-email/components';
import type { Language } from '../../../contract/languages.ts';
import { fill, mailWords } from '../i18n/index.ts';
import { styles } from './layout.tsx';
import { PicMail } from './pic-mail.tsx';

export interface PicNewRegistrantProps {
  /** The person in charge's own language. */
  lang: Language;
  picName: string;
  registrantName: string;
  registrantEmail: string;
  workdomainName: string;
  /** The registrant's first message; empty when none was written. */
  message: string;
  /** Structural: whether a first message was written. */
  hasMessage: boolean;
  /** The answers to the form's questions, one `label: value` per line; empty when none. */
  answers: string;
  /** Structural: whether there are answers to list. */
  hasAnswers: boolean;
  conversationUrl: string;
}

export const picNewRegistrantSubject = (props: PicNewRegistrantProps) =>
  fill(mailWords(props.lang).picNewRegistrant.subject, props);

/** Tells the person in charge about each new registrant, so the first message is answered. */
export function PicNewRegistrant(props: PicNewRegistrantProps) {
  const words = mailWords(props.lang).picNewRegistrant;
  return (
    <PicMail
      {...props}
      preview={fill(words.preview, props)}
      heading={words.heading}
      body={fill(words.body, props)}
      button={words.button}
      buttonUrl={props.conversationUrl}
    >
      {props.hasMessage ? (
        <>
          <Text style={styles.text}>{words.firstMessage}</Text>
          <Text style={styles.quote}>{props.message}</Text>
        </>
      ) : null}
      {props.hasAnswers ? (
        <>
          <Text style={styles.text}>{words.answers}</Text>
          <Text style={{ ...styles.text, whiteSpace: 'pre-wrap' }}>{props.answers}</Text>
        </>
      ) : null}
    </PicMail>
  );
}

PicNewRegistrant.PreviewProps = {
  lang: 'en',
  picName: 'Pat Chen',
  registrantName: 'Ann Lee',
  registrantEmail: 'ann@example.com',
  workdomainName: 'Acme Trading',
  message: 'Hello, do you ship to Osaka?',
  hasMessage: true,
  answers: 'Company: Acme\nHow did you hear of us?: A friend',
  hasAnswers: true,
  conversationUrl: 'http://localhost:8787/app?conversation=5d0f6a8e-2b7c-4f1e-9a3d-7c2b1e0f9a11',
} satisfies PicNewRegistrantProps;
