import Link from "next/link";
import { listCouncils } from "@/lib/councils/queries";

export const metadata = { alternates: { canonical: "/" } };

export default async function HomePage() {
  const councils = await listCouncils();
  return (
    <>
      <h1 className="text-3xl font-semibold mb-2">IPR-portalen</h1>
      <p className="mb-8 max-w-2xl text-slate-800">
        Innkallinger, referater, vedtak og planer fra interkommunale politiske råd. Her finner du det rådene har
        publisert.
      </p>
      <h2 className="text-xl font-semibold mb-3">Rådene</h2>
      <ul className="grid gap-4 sm:grid-cols-2">
        {councils.map((c) => (
          <li key={c.slug} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <Link href={`/r/${c.slug}`} className="text-lg font-semibold text-brand-700 underline">
              {c.name}
            </Link>
            <p className="text-sm text-slate-700">{c.memberCount} medlemmer</p>
          </li>
        ))}
      </ul>
    </>
  );
}
