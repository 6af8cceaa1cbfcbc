import Link from "next/link";

export default function PublicPlanNotFound() {
  return (
    <>
      <h1 className="text-2xl font-semibold mb-2">Fant ikke planen</h1>
      <p className="mb-4">Planen finnes ikke, eller den er ikke vedtatt ennå.</p>
      <Link href="/" className="underline text-brand-700">
        Til forsiden
      </Link>
    </>
  );
}
