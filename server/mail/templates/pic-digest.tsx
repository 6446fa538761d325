import { Text } from '@react-email/components';
import type { Language } from '../../../contract/languages.ts';
import { fill, mailWords } from '../i18n/index.ts';
import { styles } from './layout.tsx';
import { PicMail } from './pic-mail.tsx';

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
    <PicMail
      {...props}
      preview={fill(words.preview, props)}
      heading={words.heading}
      body={fill(words.body, props)}
      button={words.button}
      buttonUrl={props.appUrl}
    >
      <Text style={styles.quote}>{props.registrantList}</Text>
    </PicMail>
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
