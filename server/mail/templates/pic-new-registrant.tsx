import { Button, Heading, Text } from '@react-email/components';
import { Layout, styles } from './layout.tsx';

export interface PicNewRegistrantProps {
  picName: string;
  registrantName: string;
  registrantEmail: string;
  workdomainName: string;
  /** The registrant's first message; empty when none was written. */
  message: string;
  /** Structural: whether a first message was written. */
  hasMessage: boolean;
  conversationUrl: string;
}

export const picNewRegistrantSubject = (props: PicNewRegistrantProps) =>
  `${props.registrantName} joined ${props.workdomainName} on ChatPoint`;

/** Tells the person in charge about each new registrant, so the first message is answered. */
export function PicNewRegistrant(props: PicNewRegistrantProps) {
  const { picName, registrantName, registrantEmail, workdomainName, message, hasMessage } = props;
  return (
    <Layout preview={`${registrantName} (${registrantEmail}) is now a contact of yours`}>
      <Heading style={styles.heading}>A new registrant</Heading>
      <Text style={styles.text}>Hello {picName},</Text>
      <Text style={styles.text}>
        {registrantName} ({registrantEmail}) joined {workdomainName} through its website and is now one of
        your contacts.
      </Text>
      {hasMessage ? (
        <>
          <Text style={styles.text}>Their first message:</Text>
          <Text
            style={{
              ...styles.text,
              whiteSpace: 'pre-wrap',
              borderLeft: '3px solid #c7d2fe',
              paddingLeft: '12px',
            }}
          >
            {message}
          </Text>
        </>
      ) : null}
      <Button href={props.conversationUrl} style={styles.button}>
        Open the conversation
      </Button>
    </Layout>
  );
}

PicNewRegistrant.PreviewProps = {
  picName: 'Pat Chen',
  registrantName: 'Ann Lee',
  registrantEmail: 'ann@example.com',
  workdomainName: 'Acme Trading',
  message: 'Hello, do you ship to Osaka?',
  hasMessage: true,
  conversationUrl: 'http://localhost:8787/app?conversation=5d0f6a8e-2b7c-4f1e-9a3d-7c2b1e0f9a11',
} satisfies PicNewRegistrantProps;
