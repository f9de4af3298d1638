// Whether a WALL_TOKEN is fit to guard a relay: long enough, and not obviously guessable. Checked
// once at start; the relay refuses to start with a weak one. Visible ASCII only, because the token
// also travels in an HTTP header (`Authorization: Bearer …` for /metrics and /api/state).

export const MIN_TOKEN_CHARS = 16;
const MIN_DISTINCT_CHARS = 8;
/** A run this long of characters each one after (or before) the previous: abcdef, 654321. */
const SEQUENCE_RUN = 6;
/** Words that mark a placeholder someone forgot to replace. */
const PLACEHOLDERS = ['password', 'passw0rd', 'changeme', 'secret', 'example', 'qwerty', 'letmein', 'default'];

function longestSequence(token: string): number {
  let longest = 1;
  let run = 1;
  let step = 0;
  for (let i = 1; i < token.length; i++) {
    const d = token.charCodeAt(i) - token.charCodeAt(i - 1);
    if ((d === 1 || d === -1) && (run === 1 || d === step)) run++;
    else run = d === 1 || d === -1 ? 2 : 1;
    step = d;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** Why the token is not acceptable, as the end of a sentence; null when it is. */
export function tokenWeakness(token: string): string | null {
  if (token.length < MIN_TOKEN_CHARS) return `must be at least ${MIN_TOKEN_CHARS} characters`;
  if (!/^[\x21-\x7e]+$/.test(token)) return 'must be visible ASCII characters only (it travels in HTTP headers), no white space';
  if (new Set(token).size < MIN_DISTINCT_CHARS) return `is too weak: fewer than ${MIN_DISTINCT_CHARS} different characters`;
  if (longestSequence(token) >= SEQUENCE_RUN) return `is too weak: ${SEQUENCE_RUN} or more characters in sequence (like abcdef or 123456)`;
  const lower = token.toLowerCase();
  const word = PLACEHOLDERS.find((placeholder) => lower.includes(placeholder));
  if (word) return `is too weak: it contains "${word}"`;
  return null;
}
