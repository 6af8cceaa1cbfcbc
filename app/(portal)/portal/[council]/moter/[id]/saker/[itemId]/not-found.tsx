// Its own page: without it the meeting's "Fant ikke møtet" answered, though the meeting exists.
// The relative link leads to this meeting's agenda without knowing its id.
export default function AgendaItemNotFound() {
  return (
    <>
      <h1 className="text-2xl font-semibold mb-2">Fant ikke saken</h1>
      <p className="mb-4">Saken finnes ikke på dette sakskartet. Den kan være slettet eller flyttet til et annet møte, eller du har ikke tilgang til den.</p>
      <a href="../rediger" className="underline text-brand-700">
        Til sakskartet
      </a>
    </>
  );
}
