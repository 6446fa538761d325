import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The integrity-pinned snippet the admin should see, worked out here from the built file (null
 * when `npm run build` has not run): the versioned URL and the sha384 of the exact bytes.
 */
export function expectedPinnedSnippet(publicUrl: string, linkId: string): string | null {
  const file = path.resolve('dist', 'widget', 'chatpoint-register.js');
  if (!existsSync(file)) return null;
  const bytes = readFileSync(file);
  const version = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  const integrity = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  return (
    `<script type="module" src="${publicUrl}/widget/chatpoint-register-${version}.js" integrity="${integrity}" crossorigin="anonymous"></script>\n` +
    `<chatpoint-register link="${linkId}"></chatpoint-register>`
  );
}
