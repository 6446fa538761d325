import { Button, Heading, Link, Text } from '@react-email/components';
import { Layout, styles } from './layout.tsx';

export interface PasswordResetProps {
  name: string;
  workdomainName: string;
  resetUrl: string;
  minutesValid: number;
}

export const passwordResetSubject = (props: PasswordResetProps) =>
  `Reset your ChatPoint password for ${props.workdomainName}`;

export function PasswordReset({ name, workdomainName, resetUrl, minutesValid }: PasswordResetProps) {
  return (
    <Layout preview="Choose a new ChatPoint password">
      <Heading style={styles.heading}>Choose a new password</Heading>
      <Text style={styles.text}>Hello {name},</Text>
      <Text style={styles.text}>
        Tap the button to choose a new password for {workdomainName}. On a phone with ChatPoint installed it
        opens in the app.
      </Text>
      <Button href={resetUrl} style={styles.button}>
        Choose a new password
      </Button>
      <Text style={styles.text}>
        Or open this link: <Link href={resetUrl}>{resetUrl}</Link>
      </Text>
      <Text style={styles.text}>
        The link works once, for {minutesValid} minutes. If you did not ask for it, ignore this email.
      </Text>
    </Layout>
  );
}

PasswordReset.PreviewProps = {
  name: 'Ann Lee',
  workdomainName: 'Acme Trading',
  resetUrl: 'http://localhost:8787/reset-password#token=example',
  minutesValid: 30,
} satisfies PasswordResetProps;
