import Link from "next/link";

export default function PublicCaseNotFound() {
  return (
    <>
      <h1 className="text-2xl font-semibold mb-2">Fant ikke saken</h1>
      <p className="mb-4">Saken finnes ikke, eller den er ikke behandlet i et møte med utsendt innkalling ennå.</p>
      <Link href="/" className="underline text-brand-700">
        Til forsiden
      </Link>
    </>
  );
}
