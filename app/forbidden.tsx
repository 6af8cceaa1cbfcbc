import Link from "next/link";
import { SiteFooter } from "@/components/layout/site-footer";

export default function Forbidden() {
  return (
    <>
      <main id="hovedinnhold" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
        <h1 className="text-2xl font-semibold mb-2">Ingen tilgang</h1>
        <p className="mb-4">Du har ikke tilgang til denne siden. Kontakt sekretariatet hvis du mener du skal ha det.</p>
        <Link href="/portal" className="link">Til Min oversikt</Link>
      </main>
      <SiteFooter />
    </>
  );
}
