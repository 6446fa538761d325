// Fails when the built widget, brotli-compressed, is over budget. Run after `vite build`.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

const limit = 10240;
const file = new URL('../dist/widget/chatpoint-register.js', import.meta.url);
const size = brotliCompressSync(readFileSync(file), {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
}).length;
console.log(`widget size: ${size} bytes brotli (limit ${limit})`);
if (size > limit) process.exit(1);
