// Its own page: the plan's "Fant ikke planen" would be wrong when only the year is outside it.
export default function YearReportNotFound() {
  return (
    <>
      <h1 className="text-2xl font-semibold mb-2">Fant ikke årsrapporten</h1>
      <p className="mb-4">Planen har ingen årsrapport for dette året (året må ligge i planperioden), eller du har ikke tilgang til planen.</p>
      <a href=".." className="underline text-brand-700">
        Til planen
      </a>
    </>
  );
}
