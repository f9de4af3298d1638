// The optional wall token: checked in the Socket.IO handshake (`auth.token`) for walls, and as
// `Authorization: Bearer <token>` (Prometheus's convention) for /metrics and /api/state. Compared
// as SHA-256 digests so the comparison takes the same time whatever the guess.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

function matcher(token: string): (given: unknown) => boolean {
  const expected = digest(token);
  return (given) => typeof given === 'string' && timingSafeEqual(digest(given), expected);
}

/** A predicate for the handshake's `auth` object; everything passes when there is no token. */
export function createTokenCheck(token: string | null): (auth: unknown) => boolean {
  if (token === null) return () => true;
  const matches = matcher(token);
  return (auth) => matches(typeof auth === 'object' && auth !== null ? (auth as { token?: unknown }).token : undefined);
}

const BEARER = /^Bearer +(\S+) *$/i;

/** A predicate for an HTTP request's Authorization header; everything passes when there is no token. */
export function createBearerCheck(token: string | null): (authorization: string | undefined) => boolean {
  if (token === null) return () => true;
  const matches = matcher(token);
  return (authorization) => matches(BEARER.exec(authorization ?? '')?.[1]);
}
