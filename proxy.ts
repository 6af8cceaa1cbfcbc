import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, createNonce } from "@/lib/security/csp";
import { crossSiteRefusal } from "@/lib/security/cross-site";
import { cachedPage, INTERNAL_RENDER_HEADER, internalRenderNonce } from "@/lib/security/page-cache";
import { renewedSessionCookie, SESSION_UPDATE_AGE_SECONDS } from "@/lib/security/session-token";

// Runs before every request but the build's static files. Five jobs:
// 1. A state-changing request from another site (a server action or any other non-GET) is refused
//    with 403 before it reaches the app (lib/security/cross-site.ts).
// 2. A fresh CSP nonce per response. Next reads it from the request's CSP header and puts it on
//    its own scripts; every page is rendered per request anyway (the layouts read the session).
// 3. Convenience only: a page visit without a session cookie goes to the login page before a
//    portal page renders. Security is in lib/authz and the queries; a forged cookie gets no further.
//    A POST without a session is not redirected: the server action refuses it itself.
// 4. Pages that are the same for every anonymous reader come from the page cache, rendered once
//    per content stamp, each response with its own nonce (lib/security/page-cache.ts).
// 5. The idle timeout: a page view re-issues a session cookie older than five minutes with a new
//    expiry (lib/security/session-token.ts). Only on GET and HEAD, so that the response of a
//    sign-out, which deletes the cookie, never carries a renewed one as well.
const NOT_PAGES = /^\/(api|dokumenter|filer|kalender)\/|^\/(robots\.txt|sitemap\.xml)$/;

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (crossSiteRefusal({ method: request.method, pathname, headers: request.headers })) {
    return new NextResponse("Forespørselen ble avvist fordi den kom fra et annet nettsted.", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const navigation = request.method === "GET" || request.method === "HEAD";
  if (navigation && (pathname === "/portal" || pathname.startsWith("/portal/"))) {
    const hasSession = request.cookies.getAll().some((c) => c.name.endsWith("authjs.session-token"));
    if (!hasSession) {
      const url = new URL("/logg-inn", request.url);
      url.searchParams.set("neste", pathname + request.nextUrl.search);
      return NextResponse.redirect(url);
    }
  }
  // Documents, files, feeds and the API are not pages: they keep next.config.ts's fixed headers.
  if (NOT_PAGES.test(pathname)) return NextResponse.next();
  // The cache's own render carries the placeholder nonce that each cached response replaces.
  const internalNonce = internalRenderNonce(request.headers);
  const nonce = internalNonce ?? createNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  if (!internalNonce && process.env.NODE_ENV === "production") {
    const page = await cachedPage(
      { method: request.method, pathname, search: request.nextUrl.search, headers: request.headers, cookieNames: request.cookies.getAll().map((c) => c.name) },
      nonce,
      process.env.__NEXT_PRIVATE_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`,
    );
    if (page) {
      const headers = new Headers(page.headers);
      headers.set("Content-Security-Policy", csp);
      headers.set("X-Page-Cache", page.hit ? "hit" : "miss");
      return new NextResponse(page.body, { status: page.status, headers });
    }
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete(INTERNAL_RENDER_HEADER);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (navigation && !internalNonce) {
    // The two lifetimes are validated by lib/server/env.ts (server-only, so not importable here).
    const renewed = await renewedSessionCookie(request.cookies.getAll(), {
      secret: process.env.AUTH_SECRET,
      maxAgeSeconds: Number(process.env.SESSION_IDLE_MINUTES || 60) * 60,
      updateAgeSeconds: SESSION_UPDATE_AGE_SECONDS,
      absoluteSeconds: Number(process.env.SESSION_ABSOLUTE_HOURS || 12) * 3600,
    });
    if (renewed) response.cookies.set(renewed.name, renewed.value, renewed.options);
  }
  return response;
}

// Every path but the build's static files: a server action can be posted to any page, and every
// response gets the CSP (documents, files and the API also get the fixed headers of next.config.ts).
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
