import { LRUCache } from "lru-cache";
import { createNonce } from "@/lib/security/csp";

// Pages that are the same for every anonymous reader (approved, published minutes and the static
// pages) are rendered once per content stamp and then served from memory by the proxy. Every
// response still gets its own CSP nonce: the page is rendered with a placeholder nonce that only
// this process knows, and each response swaps in a fresh one. See docs/decisions/012-page-cache-with-fresh-nonces.md.
//
// The proxy and the app's route modules are separate bundles in one process, so the shared state
// lives on globalThis: the route modules register how their stamp is read, the proxy reads it.

/** A page's content stamp: null when this page must not be cached (no published minutes, unknown id). */
export type PageStamper = (params: string[]) => Promise<string | null>;

// The placeholder is split out of the body and the headers (Next puts the nonce on its Link preload header too).
type Entry = { stamp: string; parts: string[]; headers: [string, string[]][]; storedAt: number };

type Shared = {
  placeholder: string;
  secret: string;
  entries: LRUCache<string, Entry>;
  stampers: Map<string, PageStamper>;
  inflight: Map<string, Promise<Entry | null>>;
  stamps: Map<string, { stamp: string | null; at: number }>;
};

const store = globalThis as unknown as { __iprPageCache?: Shared };
const shared: Shared = (store.__iprPageCache ??= {
  // Both are as unguessable as a nonce, and the placeholder has a nonce's shape.
  placeholder: createNonce(),
  secret: createNonce(),
  entries: new LRUCache<string, Entry>({
    // Bounded by size: a referat page is some 50–300 KB of HTML.
    maxSize: Number(process.env.PAGE_CACHE_BYTES ?? 32 * 1024 * 1024),
    sizeCalculation: (e) => e.parts.reduce((n, p) => n + p.length, 0) * 2 || 1,
  }),
  stampers: new Map(),
  inflight: new Map(),
  stamps: new Map(),
});

/**
 * The cacheable routes. The parts of the page that the stamp does not cover (the council's name,
 * case titles in the list under the referat) are refreshed after `MAX_AGE_MS` at the latest.
 */
export const CACHEABLE_ROUTES: { kind: string; pattern: RegExp }[] = [
  { kind: "static", pattern: /^\/tilgjengelighet$/ },
  { kind: "published-minutes", pattern: /^\/r\/([^/]+)\/moter\/([^/]+)$/ },
];
export const MAX_AGE_MS = 10 * 60 * 1000;
// A stamp read is reused for a second: under load a page is read hundreds of times a second, and a
// change made on another instance reaches anonymous readers that much later. This instance's own
// publishing and errata forget the stamps at once (forgetPageStamps).
export const STAMP_TTL_MS = 1000;

// A static page changes only with a new build, which is a new process.
shared.stampers.set("static", async () => "static");

export const INTERNAL_RENDER_HEADER = "x-ipr-page-render";

export function registerPageStamper(kind: string, stamper: PageStamper): void {
  shared.stampers.set(kind, stamper);
}

/** The nonce of the render the cache stores, when this request is that render; otherwise null. */
export function internalRenderNonce(headers: Headers): string | null {
  return headers.get(INTERNAL_RENDER_HEADER) === shared.secret ? shared.placeholder : null;
}

type CacheRequest = { method: string; pathname: string; search: string; headers: Headers; cookieNames: string[] };

/** The route and its parameters when this request may be answered from the cache. */
export function cacheableRoute(req: CacheRequest): { kind: string; params: string[] } | null {
  if (req.method !== "GET" || req.search !== "") return null;
  // A signed-in reader sees their name in the header (and may read more); client navigations and
  // prefetches ask for the RSC payload, not the HTML document.
  if (req.cookieNames.some((n) => n.endsWith("authjs.session-token"))) return null;
  if (req.headers.has("rsc") || req.headers.has("next-router-prefetch") || req.headers.has("next-router-state-tree") || req.headers.has("next-action")) return null;
  for (const route of CACHEABLE_ROUTES) {
    const m = route.pattern.exec(req.pathname);
    if (!m) continue;
    try {
      return { kind: route.kind, params: m.slice(1).map(decodeURIComponent) };
    } catch {
      return null; // a malformed escape: let the page answer it
    }
  }
  return null;
}

// Headers of the stored render that belong to one response only.
const DROPPED = new Set(["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date", "set-cookie", "content-security-policy"]);

/** Renders the page as an anonymous reader, through this same server, with the placeholder nonce. */
async function render(pathname: string, stamp: string, origin: string): Promise<Entry | null> {
  const res = await fetch(`${origin}${pathname}`, {
    headers: { [INTERNAL_RENDER_HEADER]: shared.secret, accept: "text/html" },
    redirect: "manual",
    cache: "no-store",
  });
  const html = await res.text();
  if (res.status !== 200 || !(res.headers.get("content-type") ?? "").startsWith("text/html")) return null;
  // Without the placeholder Next did not put the nonce on its scripts, and the page would not run.
  if (!html.includes(shared.placeholder)) return null;
  const headers = [...res.headers.entries()].filter(([k]) => !DROPPED.has(k.toLowerCase())).map(([k, v]): [string, string[]] => [k, v.split(shared.placeholder)]);
  return { stamp, parts: html.split(shared.placeholder), headers, storedAt: Date.now() };
}

export type CachedPage = { status: 200; body: string; headers: [string, string][]; hit: boolean };

/**
 * The page from the cache (rendering it once when the stamp has moved on), or null when the
 * request must be rendered as usual: not cacheable, no stamper registered yet, or the render failed.
 */
export async function cachedPage(req: CacheRequest, nonce: string, origin: string): Promise<CachedPage | null> {
  const route = cacheableRoute(req);
  if (!route) return null;
  const stamper = shared.stampers.get(route.kind);
  if (!stamper) return null;
  try {
    const now = Date.now();
    const known = shared.stamps.get(req.pathname);
    let stamp: string | null;
    if (known && now - known.at < STAMP_TTL_MS) stamp = known.stamp;
    else {
      stamp = await stamper(route.params);
      if (shared.stamps.size >= 10_000) shared.stamps.clear();
      shared.stamps.set(req.pathname, { stamp, at: now });
    }
    if (stamp === null) return null;
    let entry = shared.entries.get(req.pathname);
    let hit = true;
    if (!entry || entry.stamp !== stamp || Date.now() - entry.storedAt > MAX_AGE_MS) {
      hit = false;
      // Concurrent readers of a page that just changed share one render.
      const key = `${req.pathname}|${stamp}`;
      let pending = shared.inflight.get(key);
      if (!pending) {
        pending = render(req.pathname, stamp, origin).finally(() => shared.inflight.delete(key));
        shared.inflight.set(key, pending);
      }
      const fresh = await pending;
      if (!fresh) return null;
      shared.entries.set(req.pathname, fresh);
      entry = fresh;
    }
    return { status: 200, body: entry.parts.join(nonce), headers: entry.headers.map(([k, v]) => [k, v.join(nonce)]), hit };
  } catch {
    // The cache is an optimisation: any failure renders the page the ordinary way.
    return null;
  }
}

/** This instance's minutes changes call this, so its next reader sees the change at once. */
export function forgetPageStamps(): void {
  shared.stamps.clear();
}
