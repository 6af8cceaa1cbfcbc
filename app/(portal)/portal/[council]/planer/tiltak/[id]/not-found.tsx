import Link from "next/link";

export default function MeasureNotFound() {
  return (
    <>
      <h1 className="text-2xl font-semibold mb-2">Fant ikke tiltaket</h1>
      <p className="mb-4">Tiltaket finnes ikke, eller du har ikke tilgang til det.</p>
      <Link href="/portal" className="underline text-brand-700">
        Til Min oversikt
      </Link>
    </>
  );
}
