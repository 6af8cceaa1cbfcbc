import Link from "next/link";

export default function MeetingNotFound() {
  return (
    <>
      <h1 className="text-2xl font-semibold mb-2">Fant ikke møtet</h1>
      <p className="mb-4">Møtet finnes ikke, eller innkallingen er ikke publisert ennå.</p>
      <Link href="/" className="underline text-brand-700">Til forsiden</Link>
    </>
  );
}
