import Link from "next/link";

export default function ActionItemNotFound() {
  return (
    <>
      <h1 className="text-3xl font-semibold mb-2">Fant ikke oppfølgingspunktet</h1>
      <p className="mb-4">Oppfølgingspunktet finnes ikke, eller du har ikke tilgang til det.</p>
      <Link className="underline text-brand-700" href="/portal/oppfolging">
        Til oppfølgingsoversikten
      </Link>
    </>
  );
}
