import { Heading, Text } from '@react-email/components';
import { Layout, styles } from './layout.tsx';

export interface PasswordChangedProps {
  name: string;
  workdomainName: string;
}

export const passwordChangedSubject = (_props: PasswordChangedProps) => 'Your ChatPoint password was changed';

export function PasswordChanged({ name, workdomainName }: PasswordChangedProps) {
  return (
    <Layout preview="Your ChatPoint password was changed">
      <Heading style={styles.heading}>Your password was changed</Heading>
      <Text style={styles.text}>Hello {name},</Text>
      <Text style={styles.text}>
        The password of your {workdomainName} account on ChatPoint was just changed, and your other devices
        were signed out.
      </Text>
      <Text style={styles.text}>
        If this was not you, reset your password now and tell your administrator.
      </Text>
    </Layout>
  );
}

PasswordChanged.PreviewProps = {
  name: 'Ann Lee',
  workdomainName: 'Acme Trading',
} satisfies PasswordChangedProps;
