// Its own page: the plan's "Fant ikke planen" would be wrong when only the version is missing.
export default function PlanVersionNotFound() {
  return (
    <>
      <h1 className="text-2xl font-semibold mb-2">Fant ikke versjonen</h1>
      <p className="mb-4">Planen har ingen vedtatt versjon med dette nummeret, eller du har ikke tilgang til planen.</p>
      <a href=".." className="underline text-brand-700">
        Til planen
      </a>
    </>
  );
}
