import { Body, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import type { Language } from '../../../contract/languages.ts';
import { mailWords } from '../i18n/index.ts';

export const styles = {
  body: { backgroundColor: '#f4f5f7', fontFamily: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif' },
  container: {
    backgroundColor: '#ffffff',
    margin: '24px auto',
    padding: '32px',
    maxWidth: '480px',
    borderRadius: '8px',
  },
  heading: { fontSize: '20px', fontWeight: 600, color: '#111827', margin: '0 0 16px' },
  text: { fontSize: '15px', lineHeight: '24px', color: '#374151', margin: '0 0 12px' },
  /** Words someone else wrote (a registrant's message, a list of registrants), set apart. */
  quote: {
    fontSize: '15px',
    lineHeight: '24px',
    color: '#374151',
    margin: '0 0 12px',
    whiteSpace: 'pre-wrap' as const,
    borderLeft: '3px solid #c7d2fe',
    paddingLeft: '12px',
  },
  code: {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace',
    fontSize: '32px',
    letterSpacing: '8px',
    fontWeight: 700,
    color: '#111827',
    backgroundColor: '#eef2ff',
    borderRadius: '6px',
    padding: '12px 16px',
    textAlign: 'center' as const,
    margin: '16px 0',
  },
  button: {
    backgroundColor: '#4f46e5',
    color: '#ffffff',
    borderRadius: '6px',
    padding: '12px 20px',
    fontWeight: 600,
    textDecoration: 'none',
    display: 'inline-block',
  },
  footer: { fontSize: '12px', lineHeight: '18px', color: '#6b7280', margin: '0' },
};

export function Layout({
  lang,
  preview,
  footer,
  children,
}: {
  lang: Language;
  preview: string;
  /** Why the recipient gets this mail; by default, because someone used their address. */
  footer?: string;
  children: ReactNode;
}) {
  return (
    <Html lang={lang}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Section>{children}</Section>
          <Hr />
          <Text style={styles.footer}>{footer ?? mailWords(lang).footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}
