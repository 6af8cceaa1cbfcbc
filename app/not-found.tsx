import Link from "next/link";
import { SiteFooter } from "@/components/layout/site-footer";

export default function NotFound() {
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
