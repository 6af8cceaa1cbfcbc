import { decode as decodeJwt, encode as encodeJwt, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { LRUCache } from "lru-cache";

// The session cookie, read without Auth.js's request cycle, for getViewer (every page) and the
// proxy (renewal). Auth.js (lib/server/auth.ts) signs in and out and writes the same cookie; this
// module reads it as Auth.js would and renews it, because Auth.js renews it only when its own
// /api/auth/session endpoint is called, which nothing in the portal does. Not server-only: the
// proxy imports it.

/** A session cookie older than this is re-issued on the next page view (the idle timeout). */
export const SESSION_UPDATE_AGE_SECONDS = 5 * 60;

/** Auth.js's cookie names: with the __Secure- prefix behind HTTPS, without it over plain HTTP. */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

// Every request decrypts the session cookie (a key derivation and AES-GCM), a tenth of a portal
// page's CPU. The same cookie always decrypts to the same claims, so they are kept per cookie until
// they expire. Revocation does not depend on this: getViewer checks the session version in the
// database on every request.
const decodedSessions = new LRUCache<string, JWT>({ max: 10_000 });

export async function decodeSession(params: JWTDecodeParams): Promise<JWT | null> {
  if (!params.token) return null;
  const key = `${params.salt}\u0000${params.token}`;
  const hit = decodedSessions.get(key);
  if (hit) {
    if (typeof hit.exp !== "number" || hit.exp * 1000 > Date.now()) return { ...hit };
    decodedSessions.delete(key);
    return null;
  }
  const claims = await decodeJwt(params);
  if (claims) decodedSessions.set(key, claims);
  return claims ? { ...claims } : null;
}

type Cookie = { name: string; value: string };

/**
 * The session token and the name it was stored under. A token too long for one cookie is split by
 * Auth.js into `name.0`, `name.1`, …, joined here in order.
 */
export function readSessionToken(cookies: Cookie[]): { name: string; token: string; chunked: boolean } | null {
  for (const name of SESSION_COOKIE_NAMES) {
    const whole = cookies.find((c) => c.name === name);
    if (whole?.value) return { name, token: whole.value, chunked: false };
    const chunks = cookies
      .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
    if (chunks.length) return { name, token: chunks.map((c) => c.value).join(""), chunked: true };
  }
  return null;
}

/** The claims of a valid, unexpired session cookie; null for none, a forged one or an expired one. */
export async function sessionClaims(cookies: Cookie[], secret: string | undefined): Promise<JWT | null> {
  const found = readSessionToken(cookies);
  if (!found || !secret) return null;
  try {
    return await decodeSession({ token: found.token, secret, salt: found.name });
  } catch {
    return null;
  }
}

export type RenewedCookie = {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; expires: Date };
};

/**
 * The idle timeout (SECURITY.md): a session used within `maxAgeSeconds` lives on. A cookie issued
 * more than `updateAgeSeconds` ago is re-issued with a new expiry, with the claims unchanged (the
 * sign-in time among them, so the absolute lifetime still counts from sign-in). Null when the
 * cookie is missing, invalid, fresh enough, past the absolute lifetime (getViewer refuses it, so it
 * is left to expire), or split over several cookies (never at our claims' size).
 */
export async function renewedSessionCookie(
  cookies: Cookie[],
  {
    secret,
    maxAgeSeconds,
    updateAgeSeconds,
    absoluteSeconds,
    now = Date.now(),
  }: { secret: string | undefined; maxAgeSeconds: number; updateAgeSeconds: number; absoluteSeconds: number; now?: number },
): Promise<RenewedCookie | null> {
  const found = readSessionToken(cookies);
  if (!found || found.chunked || !secret) return null;
  const claims = await decodeSession({ token: found.token, secret, salt: found.name }).catch(() => null);
  if (!claims || typeof claims.iat !== "number" || now / 1000 - claims.iat < updateAgeSeconds) return null;
  if (typeof claims.loginAt !== "number" || now / 1000 - claims.loginAt > absoluteSeconds) return null;
  const { iat: _iat, exp: _exp, jti: _jti, ...rest } = claims;
  const value = await encodeJwt({ token: rest, secret, salt: found.name, maxAge: maxAgeSeconds });
  return {
    name: found.name,
    value,
    options: { httpOnly: true, sameSite: "lax", path: "/", secure: found.name.startsWith("__Secure-"), expires: new Date(now + maxAgeSeconds * 1000) },
  };
}
