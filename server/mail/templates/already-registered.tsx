import { Button, Heading, Text } from '@react-email/components';
import { Layout, styles } from './layout.tsx';

export interface AlreadyRegisteredProps {
  name: string;
  workdomainName: string;
  resetUrl: string;
}

export const alreadyRegisteredSubject = (props: AlreadyRegisteredProps) =>
  `You already have a ChatPoint account at ${props.workdomainName}`;

export function AlreadyRegistered({ name, workdomainName, resetUrl }: AlreadyRegisteredProps) {
  return (
    <Layout preview={`You already have an account at ${workdomainName}`}>
      <Heading style={styles.heading}>You already have an account</Heading>
      <Text style={styles.text}>Hello {name},</Text>
      <Text style={styles.text}>
        Someone asked to register this email address with {workdomainName} on ChatPoint. This address already
        has an account there, so no new one was created and no code is needed.
      </Text>
      <Text style={styles.text}>If you forgot your password, you can choose a new one:</Text>
      <Button href={resetUrl} style={styles.button}>
        Reset my password
      </Button>
      <Text style={styles.text}>If it was not you, ignore this email.</Text>
    </Layout>
  );
}

AlreadyRegistered.PreviewProps = {
  name: 'Ann Lee',
  workdomainName: 'Acme Trading',
  resetUrl: 'http://localhost:8787/reset-password?workdomain=acme',
} satisfies AlreadyRegisteredProps;
