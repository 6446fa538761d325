import { Button, Heading, Text } from '@react-email/components';
import type { Language } from '../../../contract/languages.ts';
import { fill, mailWords } from '../i18n/index.ts';
import { Layout, styles } from './layout.tsx';

export interface PicDigestProps {
  /** The person in charge's own language. */
  lang: Language;
  picName: string;
  workdomainName: string;
  /** How many registrants the summary lists; grows while the summary waits for its time. */
  count: number;
  /** One block per registrant: name and address, their first message if any, their conversation's link. */
  registrantList: string;
  appUrl: string;
}

export const picDigestSubject = (props: PicDigestProps) =>
  fill(mailWords(props.lang).picDigest.subject, props);

/** The person in charge's summary of new registrants, at most one every 15 minutes. */
export function PicDigest(props: PicDigestProps) {
  const words = mailWords(props.lang).picDigest;
  return (
    <Layout
      lang={props.lang}
      preview={fill(words.preview, props)}
      footer={fill(mailWords(props.lang).footerPic, props)}
    >
      <Heading style={styles.heading}>{words.heading}</Heading>
      <Text style={styles.text}>{fill(mailWords(props.lang).greeting, { name: props.picName })}</Text>
      <Text style={styles.text}>{fill(words.body, props)}</Text>
      <Text
        style={{
          ...styles.text,
          whiteSpace: 'pre-wrap',
          borderLeft: '3px solid #c7d2fe',
          paddingLeft: '12px',
        }}
      >
        {props.registrantList}
      </Text>
      <Button href={props.appUrl} style={styles.button}>
        {words.button}
      </Button>
    </Layout>
  );
}

PicDigest.PreviewProps = {
  lang: 'en',
  picName: 'Pat Chen',
  workdomainName: 'Acme Trading',
  count: 2,
  registrantList:
    'Ann Lee <ann@example.com>\n“Hello, do you ship to Osaka?”\nhttp://localhost:8787/app?conversation=5d0f6a8e-2b7c-4f1e-9a3d-7c2b1e0f9a11\n\nBo Chen <bo@example.com>\nhttp://localhost:8787/app?conversation=0c4b6a8e-2b7c-4f1e-9a3d-7c2b1e0f9a12',
  appUrl: 'http://localhost:8787/app',
} satisfies PicDigestProps;
