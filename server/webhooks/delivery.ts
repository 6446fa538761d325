import http from 'node:http';
import https from 'node:https';
import { guardedLookup, hostOf, parseWebhookUrl, resolvePublicAddresses, type TargetRules } from './ssrf.ts';

/** Bytes of the receiver's answer that are kept, for the admin to see. */
export const RESPONSE_EXCERPT_BYTES = 256;
export const DELIVERY_TIMEOUT_MS = 10_000;

export interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  /** The first bytes of the response body (whole UTF-8 characters only). */
  excerpt: string | null;
  error: string | null;
}

const failed = (error: string): AttemptResult => ({ ok: false, statusCode: null, excerpt: null, error });

/**
 * POSTs one signed webhook body. The target is checked again here (the saved URL may now resolve
 * elsewhere), the socket connects only to checked addresses, redirects are not followed (a 3xx is
 * a failed attempt), and connecting plus answering must finish within `timeoutMs`.
 */
export async function postWebhook(
  target: string,
  headers: Record<string, string>,
  body: string,
  rules: TargetRules,
  timeoutMs = DELIVERY_TIMEOUT_MS,
): Promise<AttemptResult> {
  let url: URL;
  try {
    url = parseWebhookUrl(target, rules);
    // An address literal never reaches `lookup`; check it here.
    await resolvePublicAddresses(hostOf(url), rules);
  } catch (error) {
    return failed((error as Error).message);
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<AttemptResult>((resolve) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        agent: false,
        lookup: guardedLookup(rules) as never,
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'ChatPoint-Webhooks/1',
        },
      },
      (response) => {
        const statusCode = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let kept = 0;
        const finish = () => {
          const bytes = Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES);
          // Streaming mode holds back a cut-off last character, so the excerpt stays within the limit.
          const excerpt = new TextDecoder('utf-8').decode(bytes, { stream: true });
          const ok = statusCode >= 200 && statusCode < 300;
          resolve({ ok, statusCode, excerpt, error: ok ? null : `HTTP ${statusCode}` });
          response.destroy();
        };
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          kept += chunk.length;
          if (kept >= RESPONSE_EXCERPT_BYTES) finish();
        });
        response.on('end', finish);
        response.on('error', finish);
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.name === 'AbortError' || error.name === 'TimeoutError'
          ? `No answer within ${timeoutMs / 1000} s.`
          : error.message;
      resolve(failed(reason));
    });
    request.end(body);
  });
}
