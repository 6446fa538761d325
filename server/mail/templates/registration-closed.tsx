import { Button, Heading, Text } from '@react-email/components';
import { Layout, styles } from './layout.tsx';

export interface RegistrationClosedProps {
  adminName: string;
  workdomainName: string;
  reason: 'pic_unavailable' | 'capacity_reached' | 'plan_ineligible';
  adminUrl: string;
}

const reasons: Record<RegistrationClosedProps['reason'], string> = {
  pic_unavailable:
    'the person in charge is no longer an active user. Choose another person in charge, then open it again.',
  capacity_reached: 'every external-user seat is taken. Raise the limit or free seats, then open it again.',
  plan_ineligible: 'the plan no longer includes public registration (Pro or above).',
};

export const registrationClosedSubject = (props: RegistrationClosedProps) =>
  `Public registration for ${props.workdomainName} was closed`;

export function RegistrationClosed({ adminName, workdomainName, reason, adminUrl }: RegistrationClosedProps) {
  return (
    <Layout preview={`Public registration for ${workdomainName} was closed`}>
      <Heading style={styles.heading}>Public registration was closed</Heading>
      <Text style={styles.text}>Hello {adminName},</Text>
      <Text style={styles.text}>
        ChatPoint closed public registration for {workdomainName} because {reasons[reason]}
      </Text>
      <Button href={adminUrl} style={styles.button}>
        Open user administration
      </Button>
    </Layout>
  );
}

RegistrationClosed.PreviewProps = {
  adminName: 'Grace Admin',
  workdomainName: 'Acme Trading',
  reason: 'capacity_reached',
  adminUrl: 'http://localhost:8787/admin',
} satisfies RegistrationClosedProps;
