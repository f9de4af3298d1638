// The optional wall token, checked in the Socket.IO handshake (`auth.token`). Compared as
// SHA-256 digests so the comparison takes the same time whatever the guess.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** A predicate for the handshake's `auth` object; everything passes when there is no token. */
export function createTokenCheck(token: string | null): (auth: unknown) => boolean {
  if (token === null) return () => true;
  const expected = digest(token);
  return (auth) => {
    const given = typeof auth === 'object' && auth !== null ? (auth as { token?: unknown }).token : undefined;
    return typeof given === 'string' && timingSafeEqual(digest(given), expected);
  };
}
