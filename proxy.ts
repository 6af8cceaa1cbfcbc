import { NextResponse, type NextRequest } from "next/server";

// Convenience only: send visitors without a session cookie to the login page before rendering.
// Security is in lib/authz and the queries; a forged cookie gets no further than this.
export function proxy(request: NextRequest) {
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith("authjs.session-token"));
  if (!hasSession) {
    // A relative Location keeps the host the browser used, whatever the server thinks its name is.
    const next = encodeURIComponent(request.nextUrl.pathname);
    return new NextResponse(null, { status: 307, headers: { Location: `/logg-inn?neste=${next}` } });
  }
  return NextResponse.next();
}

export const config = { matcher: ["/portal", "/portal/:path*"] };
