import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context } from 'hono';

type Encoding = 'br' | 'gzip' | 'identity';
type Bytes = Uint8Array<ArrayBuffer>;
// A copy the response can own (a Buffer may be a view into Node's shared pool).
const bytes = (buffer: Buffer): Bytes => new Uint8Array(buffer);

/** One file in memory with its compressed copies and a strong ETag per encoding. */
export interface StaticAsset {
  contentType: string;
  bodies: { identity: Bytes; br?: Bytes; gzip?: Bytes };
  etags: Record<Encoding, string>;
}

const compressible = /^(text\/|application\/(json|javascript)|image\/svg)/;

export function staticAsset(
  body: Buffer,
  contentType: string,
  precompressed: { br?: Buffer; gzip?: Buffer } = {},
): StaticAsset {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
  const worthIt = compressible.test(contentType);
  return {
    contentType,
    bodies: {
      identity: bytes(body),
      br: worthIt
        ? bytes(
            precompressed.br ??
              brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
          )
        : undefined,
      gzip: worthIt ? bytes(precompressed.gzip ?? gzipSync(body, { level: 9 })) : undefined,
    },
    // Strong validators differ per encoding: the bytes differ.
    etags: { identity: `"${hash}"`, br: `"${hash}-br"`, gzip: `"${hash}-gz"` },
  };
}

/** Reads `file` and the .br/.gz that `npm run build` wrote beside it (compressing here if they are missing). */
export function loadStaticAsset(file: string, contentType: string): StaticAsset {
  const beside = (suffix: string) =>
    existsSync(`${file}${suffix}`) ? readFileSync(`${file}${suffix}`) : undefined;
  return staticAsset(readFileSync(file), contentType, { br: beside('.br'), gzip: beside('.gz') });
}

/** The best encoding the client accepts (RFC 9110 Accept-Encoding, q=0 refuses). */
export function pickEncoding(acceptEncoding: string | undefined, available: readonly Encoding[]): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
    if (name) accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0;
  return available.find((encoding) => encoding === 'identity' || weight(encoding) > 0) ?? 'identity';
}

function matches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** Sends the asset in the client's best encoding, or 304 when its copy is current. */
export function sendStaticAsset(c: Context, asset: StaticAsset, cacheControl: string) {
  const available = (['br', 'gzip', 'identity'] as const).filter((encoding) => asset.bodies[encoding]);
  const encoding = pickEncoding(c.req.header('accept-encoding'), available);
  const etag = asset.etags[encoding];
  c.header('ETag', etag);
  c.header('Cache-Control', cacheControl);
  c.header('Vary', 'Accept-Encoding');
  const ifNoneMatch = c.req.header('if-none-match');
  if (ifNoneMatch && matches(ifNoneMatch, etag)) return c.body(null, 304);
  c.header('Content-Type', asset.contentType);
  if (encoding !== 'identity') c.header('Content-Encoding', encoding);
  return c.body(asset.bodies[encoding]!);
}
