// The code rules live with accounts, which sign-in by email shares; registration uses them as they are.
export {
  CODE_LIFETIME_MS,
  codeMatches,
  generateCode,
  hashCode,
  MAX_CODE_ATTEMPTS,
  normaliseCodeInput,
} from '../accounts/one-time-codes.ts';
