import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, createNonce } from "@/lib/security/csp";

// Runs before every page. Two jobs:
// 1. A fresh CSP nonce per response. Next reads it from the request's CSP header and puts it on
//    its own scripts; every page is rendered per request anyway (the layouts read the session).
// 2. Convenience only: visitors without a session cookie go to the login page before a portal
//    page renders. Security is in lib/authz and the queries; a forged cookie gets no further.
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname === "/portal" || pathname.startsWith("/portal/")) {
    const hasSession = request.cookies.getAll().some((c) => c.name.endsWith("authjs.session-token"));
    if (!hasSession) {
      const url = new URL("/logg-inn", request.url);
      url.searchParams.set("neste", pathname);
      return NextResponse.redirect(url);
    }
  }
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Pages only: static assets, the auth endpoints, the API, documents and files get the fixed
  // headers of next.config.ts (their own CSP among them) and need no nonce.
  matcher: [
    {
      source: "/((?!_next/static|_next/image|api/|dokumenter/|filer/|kalender/|favicon.ico|robots.txt|sitemap.xml).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
