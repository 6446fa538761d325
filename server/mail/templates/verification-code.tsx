import { Button, Heading, Text } from '@react-email/components';
import { Layout, styles } from './layout.tsx';

export interface VerificationCodeProps {
  name: string;
  workdomainName: string;
  code: string;
  minutesValid: number;
  /** The hosted registration page with the code in its fragment: one tap verifies. */
  verifyUrl: string;
}

export const verificationCodeSubject = (props: VerificationCodeProps) =>
  `${props.code} is your ChatPoint verification code`;

export function VerificationCode({
  name,
  workdomainName,
  code,
  minutesValid,
  verifyUrl,
}: VerificationCodeProps) {
  return (
    <Layout preview={`Your verification code for ${workdomainName}`}>
      <Heading style={styles.heading}>Confirm your email</Heading>
      <Text style={styles.text}>Hello {name},</Text>
      <Text style={styles.text}>Enter this code to finish joining {workdomainName} on ChatPoint:</Text>
      <Text style={styles.code}>{code}</Text>
      <Text style={styles.text}>Or, on the device you are registering with, tap:</Text>
      <Button href={verifyUrl} style={styles.button}>
        Verify my email
      </Button>
      <Text style={styles.text}>
        It works for {minutesValid} minutes. It is also your first password: you will be asked to choose your
        own.
      </Text>
      <Text style={styles.text}>
        If you did not ask for this, ignore this email: no account is created without the code.
      </Text>
    </Layout>
  );
}

VerificationCode.PreviewProps = {
  name: 'Ann Lee',
  workdomainName: 'Acme Trading',
  code: '048213',
  minutesValid: 10,
  verifyUrl: 'http://localhost:8787/join/q8Yb3m2c0JxTQw1a#verify=0b8e1f5e-6c1e-4a58-9a55-3c0c9d7f2a10.048213',
} satisfies VerificationCodeProps;
