import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { SiteFooter } from "@/components/layout/site-footer";

// The tab and a screen reader say "not found" before anything else (WCAG 2.4.2).
export const metadata: Metadata = { title: "Fant ikke siden" };

// Rendered per request, not prerendered: a prerendered page has no CSP nonce on its scripts, so
// the browser blocks them all (the unmatched-URL 404 is otherwise built as a static page).
export default async function NotFound() {
  await connection();
  return (
    <>
      <main id="hovedinnhold" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
        <h1 className="text-2xl font-semibold mb-2">Fant ikke siden</h1>
        <p className="mb-4">Siden finnes ikke, eller du har ikke tilgang til den.</p>
        <Link href="/" className="link">Til forsiden</Link>
      </main>
      <SiteFooter />
    </>
  );
}
