// `@chatpoint/register/react`: <chatpoint-register> as a React component. React 18 sets properties
// only as string attributes and attaches no custom events; the wrapper does both.
import { createComponent } from '@lit/react';
import * as React from 'react';
import { ChatpointRegister as ChatpointRegisterElement } from '../../../widget/chatpoint-register.ts';

export const ChatpointRegister = createComponent({
  tagName: 'chatpoint-register',
  elementClass: ChatpointRegisterElement,
  react: React,
  events: {
    onChatpointCodeSent: 'chatpoint-code-sent',
    onChatpointRegistered: 'chatpoint-registered',
    onChatpointError: 'chatpoint-error',
  },
});
