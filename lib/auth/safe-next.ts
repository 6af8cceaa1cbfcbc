/**
 * Where to go after signing in: a page of the portal, with the query of a filtered or shared link.
 * Never another site: the value is read as a path on a placeholder origin, and only a clean
 * /portal path (no "//", "\", "." or ":" in it) is kept, with the query as the URL parser writes it.
 */
export function safeNext(value: unknown): string {
  const next = typeof value === "string" ? value : "";
  if (!next.startsWith("/portal") || next.includes("\\")) return "/portal";
  let url: URL;
  try {
    url = new URL(next, "http://ipr.invalid");
  } catch {
    return "/portal";
  }
  if (url.origin !== "http://ipr.invalid" || !/^\/portal(\/[\w-]+)*\/?$/.test(url.pathname)) return "/portal";
  return url.pathname + url.search;
}
