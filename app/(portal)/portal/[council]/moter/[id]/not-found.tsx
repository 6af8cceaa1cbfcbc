import Link from "next/link";

export default function PortalMeetingNotFound() {
  return (
    <>
      <h1 className="text-2xl font-semibold mb-2">Fant ikke møtet</h1>
      <p className="mb-4">Møtet finnes ikke, eller du har ikke tilgang til det.</p>
      <Link href="/portal" className="underline text-brand-700">Til Min oversikt</Link>
    </>
  );
}
