import Link from "next/link";

export default function PlanNotFound() {
  return (
    <>
      <h1 className="text-2xl font-semibold mb-2">Fant ikke planen</h1>
      <p className="mb-4">Planen finnes ikke, eller du har ikke tilgang til den. Utkast vises bare for sekretariatet.</p>
      <Link href="/portal" className="underline text-brand-700">
        Til Min oversikt
      </Link>
    </>
  );
}
