import { NextResponse, type NextRequest } from "next/server";

// Convenience only: send visitors without a session cookie to the login page before rendering.
// Security is in lib/authz and the queries; a forged cookie gets no further than this.
export function proxy(request: NextRequest) {
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith("authjs.session-token"));
  if (!hasSession) {
    const url = new URL("/logg-inn", request.url);
    url.searchParams.set("neste", request.nextUrl.pathname);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = { matcher: ["/portal", "/portal/:path*"] };
