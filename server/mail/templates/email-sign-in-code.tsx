import { Heading, Text } from '@react-email/components';
import { Layout, styles } from './layout.tsx';

export interface EmailSignInCodeProps {
  /** The workdomains this address can sign in to, by name, comma separated. */
  workdomainNames: string;
  code: string;
  minutesValid: number;
}

export const emailSignInCodeSubject = (props: EmailSignInCodeProps) =>
  `${props.code} is your ChatPoint sign-in code`;

export function EmailSignInCode({ workdomainNames, code, minutesValid }: EmailSignInCodeProps) {
  return (
    <Layout preview="Your ChatPoint sign-in code">
      <Heading style={styles.heading}>Sign in to ChatPoint</Heading>
      <Text style={styles.text}>Enter this code to sign in:</Text>
      <Text style={styles.code}>{code}</Text>
      <Text style={styles.text}>
        It works once, for {minutesValid} minutes. This address can sign in to: {workdomainNames}.
      </Text>
      <Text style={styles.text}>
        If you did not ask for this, ignore this email: nobody can sign in without the code.
      </Text>
    </Layout>
  );
}

EmailSignInCode.PreviewProps = {
  workdomainNames: 'Acme Trading, Globex',
  code: '048213',
  minutesValid: 10,
} satisfies EmailSignInCodeProps;
