import "server-only";

/**
 * The client's address as the load balancer in front of the portal saw it: the last entry of
 * X-Forwarded-For, which that balancer appended. Entries before it are what the client sent, and a
 * client could name a new one for every attempt to slip the sign-in limit (SECURITY.md).
 */
export function forwardedClientIp(h: Headers): string | null {
  const forwarded = h.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || h.get("x-real-ip") || null;
}
