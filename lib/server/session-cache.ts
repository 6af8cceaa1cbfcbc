import "server-only";
import { decode as decodeJwt, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { LRUCache } from "lru-cache";

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
