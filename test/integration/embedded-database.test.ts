import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/client.ts';

describe('embedded PGlite', () => {
  it('keeps its shared buffers small, as the server’s memory budget assumes', async () => {
    const handle = await openDatabase({ databaseUrl: null, dataDir: null });
    try {
      const result = (await handle.db.execute(sql`show shared_buffers`)) as unknown as {
        rows: { shared_buffers: string }[];
      };
      expect(result.rows[0]!.shared_buffers).toBe('16MB');
    } finally {
      await handle.close();
    }
  });
});
