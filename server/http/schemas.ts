import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_code' }),
      message: z.string().openapi({ example: 'That code is not right. 4 tries left.' }),
    }),
  })
  .openapi('Error');

/** OpenAPI response entries for error statuses; the body is always ErrorSchema. */
export function errorResponses(...statuses: number[]) {
  const descriptions: Record<number, string> = {
    400: 'invalid_request: wrong types, missing or unknown fields, malformed JSON',
    401: 'Not signed in, or the token is not valid',
    403: 'Not allowed',
    404: 'Not found',
    409: 'Conflict with the current state',
    410: 'Gone',
    413: 'Body over 16 KiB',
    415: 'Body is not JSON',
    422: 'A field has a value we cannot accept',
    429: 'Rate limited; see Retry-After',
    503: 'Busy or briefly unavailable; see Retry-After',
  };
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: descriptions[status] ?? 'Error',
        content: { 'application/json': { schema: ErrorSchema } },
      },
    ]),
  );
}

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** For routes that need a session: Bearer token, or the cookie plus a same-origin Origin on writes. */
export const sessionSecurity: Record<string, string[]>[] = [{ sessionBearer: [] }, { sessionCookie: [] }];
