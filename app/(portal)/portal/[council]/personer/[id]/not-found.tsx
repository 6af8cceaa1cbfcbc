import Link from "next/link";

export default function PersonNotFound() {
  return (
    <>
      <h1 className="text-2xl font-semibold mb-2">Fant ikke personen</h1>
      <p className="mb-4">Personen finnes ikke i rådets register, eller du har ikke tilgang til registeret. Det føres av sekretariatet.</p>
      <Link href="/portal" className="underline text-brand-700">
        Til Min oversikt
      </Link>
    </>
  );
}
