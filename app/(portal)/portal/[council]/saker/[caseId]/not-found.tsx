import Link from "next/link";

export default function CaseNotFound() {
  return (
    <>
      <h1 className="text-2xl font-semibold mb-2">Fant ikke saken</h1>
      <p className="mb-4">Saken finnes ikke, eller du har ikke tilgang til den.</p>
      <Link href="/portal" className="underline text-brand-700">Til Min oversikt</Link>
    </>
  );
}
