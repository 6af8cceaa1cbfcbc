import "server-only";
import { headers } from "next/headers";

// Links in e-mails and feeds need an absolute origin. PUBLIC_URL wins; otherwise the request's own
// host, as the load balancer reports it.
export async function publicBaseUrl(): Promise<string> {
  const configured = process.env.PUBLIC_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}
