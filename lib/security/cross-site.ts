// Requests that change something must come from the portal's own pages. Next.js compares Origin
// with Host for server actions, but lets a request without Origin through (and answers a foreign
// one with 500). A browser that sends Sec-Fetch-Site but no Origin still says where the request
// came from, so that is checked here too. Pure: the proxy passes in what it read from the request.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

// An identity provider may post its answer back (OIDC form_post); Auth.js checks those itself.
const EXEMPT_PREFIXES = ["/api/auth/callback/"];

export type CrossSiteRefusal = "foreign-origin" | "cross-site-without-origin";

export type RequestFacts = { method: string; pathname: string; headers: Pick<Headers, "get"> };

/** The host the browser addressed: the proxy's X-Forwarded-Host when there is one, as Next.js reads it. */
function requestHost(headers: RequestFacts["headers"]): string {
  const raw = headers.get("x-forwarded-host") ?? headers.get("host") ?? "";
  return raw.split(",")[0].trim().toLowerCase();
}

function originHost(origin: string): string | null {
  if (origin === "null") return null; // sandboxed frames, file: pages, redirects across sites
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/** Why a state-changing request is refused as cross-site, or null when it may go on. */
export function crossSiteRefusal(req: RequestFacts): CrossSiteRefusal | null {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return null;
  if (EXEMPT_PREFIXES.some((p) => req.pathname.startsWith(p))) return null;
  const origin = req.headers.get("origin");
  if (origin !== null) {
    const host = requestHost(req.headers);
    return host && originHost(origin) === host ? null : "foreign-origin";
  }
  // No Origin: a hand-made request (no ambient cookies to abuse) or an old browser, unless the
  // browser's own Fetch Metadata says the request was started by another site.
  const site = req.headers.get("sec-fetch-site")?.toLowerCase();
  return site === "cross-site" || site === "same-site" ? "cross-site-without-origin" : null;
}
