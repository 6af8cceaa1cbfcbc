import { NextResponse, type NextRequest } from "next/server";
import { getViewer } from "@/lib/authz/viewer";
import { CURRENT_COUNCIL_COOKIE } from "@/lib/councils/current";

// Relative Location headers: behind a proxy the server's own idea of its host (localhost) is not the
// one the browser used, and the session cookie would not follow an absolute redirect there.
function redirectTo(pathname: string) {
  return new NextResponse(null, { status: 303, headers: { Location: pathname } });
}

// The council switcher's target: remembers the choice and opens that council.
export async function GET(request: NextRequest) {
  const viewer = await getViewer();
  if (!viewer) return redirectTo("/logg-inn");
  const slug = request.nextUrl.searchParams.get("rad") ?? "";
  const council = viewer.councils.find((c) => c.slug === slug);
  if (!council) return redirectTo("/portal");
  const response = redirectTo(`/portal/${council.slug}`);
  response.cookies.set(CURRENT_COUNCIL_COOKIE, council.slug, {
    httpOnly: true,
    sameSite: "lax",
    secure: request.nextUrl.protocol === "https:",
    path: "/portal",
    maxAge: 60 * 60 * 24 * 365,
  });
  return response;
}
