import { Button, Heading, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import type { Language } from '../../../contract/languages.ts';
import { fill, mailWords } from '../i18n/index.ts';
import { Layout, styles } from './layout.tsx';

interface PicMailProps {
  lang: Language;
  picName: string;
  workdomainName: string;
  preview: string;
  heading: string;
  body: string;
  /** What the mail quotes: a first message, or the list of registrants. */
  children?: ReactNode;
  button: string;
  buttonUrl: string;
}

/** The frame of every mail to the person in charge about registrants: greeting, news, a way in. */
export function PicMail(props: PicMailProps) {
  return (
    <Layout lang={props.lang} preview={props.preview} footer={fill(mailWords(props.lang).footerPic, props)}>
      <Heading style={styles.heading}>{props.heading}</Heading>
      <Text style={styles.text}>{fill(mailWords(props.lang).greeting, { name: props.picName })}</Text>
      <Text style={styles.text}>{props.body}</Text>
      {props.children}
      <Button href={props.buttonUrl} style={styles.button}>
        {props.button}
      </Button>
    </Layout>
  );
}
