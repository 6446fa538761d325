import type { ChatpointRegisteredEvent } from '@chatpoint/register';
import { ChatpointRegister } from '@chatpoint/register/react';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

// `?link=…&endpoint=…` in the address, to try the page against any server.
const params = new URLSearchParams(location.search);

function SignUp() {
  const [registered, setRegistered] = useState<ChatpointRegisteredEvent['detail'] | null>(null);
  return (
    <main>
      <h1>Talk to us</h1>
      <ChatpointRegister
        link={params.get('link') ?? 'LINK_ID'}
        endpoint={params.get('endpoint') ?? 'https://chat.example.com'}
        strings={{ name: 'Your name' }}
        onChatpointRegistered={(event) => setRegistered(event.detail)}
      />
      <p role="status">{registered ? `Registered: ${registered.user.name}` : ''}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<SignUp />);
