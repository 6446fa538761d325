import { OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { AppError } from '../errors.ts';

/** Every route module builds on this, so a body that fails its schema is always 400 invalid_request. */
export function createRouter<E extends Env = Env>() {
  return new OpenAPIHono<E>({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
        throw new AppError('invalid_request', {
          message: `Invalid request: ${where}${issue?.message ?? 'bad input'}.`,
        });
      }
    },
  });
}
