import { NextResponse, type NextRequest } from "next/server";
import { getViewer } from "@/lib/authz/viewer";
import { CURRENT_COUNCIL_COOKIE } from "@/lib/councils/current";

// The council switcher's target: remembers the choice and opens that council.
export async function GET(request: NextRequest) {
  const viewer = await getViewer();
  if (!viewer) return NextResponse.redirect(new URL("/logg-inn", request.url));
  const slug = request.nextUrl.searchParams.get("rad") ?? "";
  const council = viewer.councils.find((c) => c.slug === slug);
  if (!council) return NextResponse.redirect(new URL("/portal", request.url));
  const response = NextResponse.redirect(new URL(`/portal/${council.slug}`, request.url));
  response.cookies.set(CURRENT_COUNCIL_COOKIE, council.slug, {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.NODE_ENV === "production" && request.nextUrl.protocol === "https:",
    path: "/portal",
    maxAge: 60 * 60 * 24 * 365,
  });
  return response;
}
