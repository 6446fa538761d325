import { Button, Heading, Text } from '@react-email/components';
import { Layout, styles } from './layout.tsx';

export interface SignInCodeProps {
  name: string;
  workdomainName: string;
  code: string;
  minutesValid: number;
  /** The hosted registration page with the code in its fragment: one tap verifies. */
  verifyUrl: string;
}

export const signInCodeSubject = (props: SignInCodeProps) => `Your sign-in code for ${props.workdomainName}`;

/** For an address that already has an account: the registration form signs its holder in. */
export function SignInCode({ name, workdomainName, code, minutesValid, verifyUrl }: SignInCodeProps) {
  return (
    <Layout preview={`${code} is your sign-in code for ${workdomainName}`}>
      <Heading style={styles.heading}>Welcome back</Heading>
      <Text style={styles.text}>Hello {name},</Text>
      <Text style={styles.text}>
        You already have an account at {workdomainName} on ChatPoint. Enter this code to sign in:
      </Text>
      <Text style={styles.code}>{code}</Text>
      <Text style={styles.text}>Or, on the device you are registering with, tap:</Text>
      <Button href={verifyUrl} style={styles.button}>
        Sign me in
      </Button>
      <Text style={styles.text}>
        It works once, for {minutesValid} minutes. It does not change your password.
      </Text>
      <Text style={styles.text}>
        If you did not ask for this, ignore this email: nobody can sign in without the code.
      </Text>
    </Layout>
  );
}

SignInCode.PreviewProps = {
  name: 'Ann Lee',
  workdomainName: 'Acme Trading',
  code: '048213',
  minutesValid: 10,
  verifyUrl: 'http://localhost:8787/join/q8Yb3m2c0JxTQw1a#verify=0b8e1f5e-6c1e-4a58-9a55-3c0c9d7f2a10.048213',
} satisfies SignInCodeProps;
