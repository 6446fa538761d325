// Types of `@chatpoint/register/react`.
import type * as React from 'react';
import type {
  ChatpointCodeSentEvent,
  ChatpointErrorEvent,
  ChatpointRegister as ChatpointRegisterElement,
  ChatpointRegisteredEvent,
  ChatpointStrings,
} from './index.js';

export interface ChatpointRegisterProps extends React.HTMLAttributes<ChatpointRegisterElement> {
  link: string;
  endpoint?: string;
  lang?: string;
  theme?: 'light' | 'dark' | 'auto';
  preview?: boolean;
  strings?: Partial<ChatpointStrings>;
  onChatpointCodeSent?: (event: ChatpointCodeSentEvent) => void;
  onChatpointRegistered?: (event: ChatpointRegisteredEvent) => void;
  onChatpointError?: (event: ChatpointErrorEvent) => void;
}

/** <chatpoint-register> for React 18 and 19: properties set as properties, events as `on…` props. */
export declare const ChatpointRegister: React.ForwardRefExoticComponent<
  ChatpointRegisterProps & React.RefAttributes<ChatpointRegisterElement>
>;
