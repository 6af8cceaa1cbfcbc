import Link from "next/link";

// Nothing calls unauthorized() (a page without a session redirects to /logg-inn), but with
// authInterrupts on, Next.js would otherwise embed its English default in every page's payload.
export default function Unauthorized() {
  return (
    <main id="hovedinnhold" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
      <h1 className="text-2xl font-semibold mb-2">Du må logge inn</h1>
      <Link href="/logg-inn" className="link">
        Logg inn
      </Link>
    </main>
  );
}
