import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { eraseUser } from './erase.ts';

interface Member {
  id: string;
  email: string;
  kind: 'internal' | 'external';
  workdomainId: string;
}

/** "Delete my account": an external user erases themself, confirming with their own address. */
export async function eraseSelf(db: Database, member: Member, confirm: string) {
  if (member.kind !== 'external')
    throw new AppError('forbidden', { message: 'Ask an administrator to remove an internal account.' });
  if (confirm.trim().toLowerCase() !== member.email.toLowerCase())
    throw new AppError('invalid_request', {
      status: 422,
      message: 'To delete your account, type its email address exactly.',
    });
  await eraseUser(db, member.workdomainId, member.id, { kind: 'system' });
}
