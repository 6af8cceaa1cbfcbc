import type { Metadata } from "next";

export const metadata: Metadata = {
  title: "Tilgjengelighetserklæring",
  description: "Hvordan IPR-portalen oppfyller kravene til universell utforming av IKT (WCAG 2.1 AA).",
  alternates: { canonical: "/tilgjengelighet" },
};

export default function AccessibilityStatementPage() {
  return (
    <article className="max-w-3xl space-y-4">
      <h1 className="text-3xl font-semibold">Tilgjengelighetserklæring</h1>
      <p>
        IPR-portalen skal kunne brukes av alle. Løsningen er omfattet av forskrift om universell utforming av
        informasjons- og kommunikasjonsteknologiske (IKT-)løsninger, og målet er å oppfylle kravene i WCAG 2.1 på nivå
        A og AA. Det gjelder både de offentlige sidene og sidene for sekretariat, medlemmer og koordinatorer.
      </p>
      <h2 className="text-xl font-semibold">Slik tester vi</h2>
      <ul className="list-disc pl-6">
        <li>Hver side som testes automatisk i nettleser, kontrolleres med axe mot WCAG 2.1 A og AA.</li>
        <li>Skjemaer kan fylles ut med tastatur alene, og feil vises med tekst ved feltet, ikke bare med farge.</li>
        <li>Sidene fungerer ned til 320 piksler bredde uten vannrett rulling.</li>
      </ul>
      <h2 className="text-xl font-semibold">Kjente avvik</h2>
      <p>
        Vedlegg som rådene laster opp (for eksempel PDF-presentasjoner) er ikke alltid universelt utformet. Ta kontakt
        med sekretariatet i rådet hvis du trenger innholdet i et annet format.
      </p>
      <h2 className="text-xl font-semibold">Tilbakemelding og klage</h2>
      <p>
        Meld fra til sekretariatet i rådet om noe ikke fungerer for deg. Du kan også klage til Tilsynet for universell
        utforming av IKT (Digitaliseringsdirektoratet), som fører tilsyn med kravene.
      </p>
    </article>
  );
}
