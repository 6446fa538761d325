import { Heading, Text } from '@react-email/components';
import { Layout, styles } from './layout.tsx';

export interface VerificationCodeProps {
  name: string;
  workdomainName: string;
  code: string;
  minutesValid: number;
}

export const verificationCodeSubject = (props: VerificationCodeProps) =>
  `${props.code} is your ChatPoint verification code`;

export function VerificationCode({ name, workdomainName, code, minutesValid }: VerificationCodeProps) {
  return (
    <Layout preview={`Your verification code for ${workdomainName}`}>
      <Heading style={styles.heading}>Confirm your email</Heading>
      <Text style={styles.text}>Hello {name},</Text>
      <Text style={styles.text}>Enter this code to finish joining {workdomainName} on ChatPoint:</Text>
      <Text style={styles.code}>{code}</Text>
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
} satisfies VerificationCodeProps;
