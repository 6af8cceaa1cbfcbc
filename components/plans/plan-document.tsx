import Link from "next/link";
import { Markdown } from "@/components/ui/markdown";
import { formatIsoDate, periodLabel, type PlanDocument } from "@/lib/plans/document";

// The plan as a document, shaped like the councils' own plans: title and council, the purpose,
// principles, free sections, then each focus area with its goals and measures. The same model
// feeds the PDF (lib/documents/plan-pdf.ts).
export function PlanDocumentView({ doc, measureHref }: { doc: PlanDocument; measureHref?: (id: string) => string }) {
  return (
    <article className="plan-document rounded-lg border border-slate-200 bg-white p-4 sm:p-8 print:border-0 print:p-0">
      <header className="mb-6 border-b border-slate-300 pb-4">
        <p className="text-sm uppercase tracking-wide text-slate-700">
          {doc.kindLabel} {periodLabel(doc)}
        </p>
        <h1 className="text-3xl font-semibold">{doc.title}</h1>
        {doc.subtitle && <p className="text-xl">{doc.subtitle}</p>}
        <p className="text-slate-700">{doc.councilName}</p>
        {doc.strategyTitle && <p className="text-sm text-slate-700">Bygger på strategien «{doc.strategyTitle}».</p>}
        {doc.adoption ? (
          <p className="mt-2 text-sm">
            <strong>Vedtatt {formatIsoDate(doc.adoption.adoptedAt)}</strong>
            {doc.adoption.decision && <> ({doc.adoption.decision})</>} · versjon {doc.adoption.versionNumber}
          </p>
        ) : (
          <p className="mt-2 text-sm font-semibold">Utkast – ikke vedtatt</p>
        )}
      </header>

      {doc.purpose && (
        <section aria-labelledby="plan-formal" className="mb-6">
          <h2 id="plan-formal" className="text-2xl font-semibold mb-2">
            Formål og mandat
          </h2>
          <Markdown>{doc.purpose}</Markdown>
        </section>
      )}

      {(doc.principlesInclude || doc.principlesExclude) && (
        <section aria-labelledby="plan-prinsipper" className="mb-6">
          <h2 id="plan-prinsipper" className="text-2xl font-semibold mb-2">
            Prinsipper for samarbeidet
          </h2>
          {doc.principlesInclude && (
            <>
              <h3 className="text-lg font-semibold">Dette tar rådet på seg</h3>
              <Markdown>{doc.principlesInclude}</Markdown>
            </>
          )}
          {doc.principlesExclude && (
            <>
              <h3 className="text-lg font-semibold mt-3">Dette skal rådet ikke drive med</h3>
              <Markdown>{doc.principlesExclude}</Markdown>
            </>
          )}
        </section>
      )}

      {doc.sectionsBefore.map((s, i) => (
        <Section key={`b${i}`} heading={s.heading} body={s.body} />
      ))}

      {doc.focusAreas.length > 0 && (
        <section aria-labelledby="plan-omrader" className="mb-6">
          <h2 id="plan-omrader" className="text-2xl font-semibold mb-3">
            Satsingsområder og tiltak
          </h2>
          {doc.focusAreas.map((a) => (
            <section key={a.id} id={`omrade-${a.id}`} aria-labelledby={`omrade-${a.id}-tittel`} className="mb-6 border-l-4 border-brand-700 pl-4">
              <h3 id={`omrade-${a.id}-tittel`} className="text-xl font-semibold">
                {a.title}
              </h3>
              {a.description && <Markdown className="mb-2">{a.description}</Markdown>}
              {a.goals.length > 0 && (
                <>
                  <h4 className="font-semibold mt-2">Mål</h4>
                  <ul className="list-disc pl-6">
                    {a.goals.map((g, i) => (
                      <li key={i}>{g}</li>
                    ))}
                  </ul>
                </>
              )}
              {a.measures.length > 0 && (
                <>
                  <h4 className="font-semibold mt-2">Tiltak</h4>
                  <ul className="mt-1 space-y-2">
                    {a.measures.map((m) => (
                      <li key={m.id} className="rounded border border-slate-200 p-2">
                        <p className="font-medium">
                          {measureHref ? (
                            <Link className="underline text-brand-700" href={measureHref(m.id)}>
                              {m.title}
                            </Link>
                          ) : (
                            m.title
                          )}
                        </p>
                        {m.description && <Markdown className="text-sm">{m.description}</Markdown>}
                        <p className="text-sm text-slate-700">
                          {[
                            m.goal && `Mål: ${m.goal}`,
                            m.owner && `Ansvar: ${m.owner}`,
                            m.timeFrame && `Tid: ${m.timeFrame}`,
                            m.deadline && `Frist: ${formatIsoDate(m.deadline)}`,
                            `Status: ${m.statusLabel}`,
                            m.resourceAnchored ? "Ressursmessig forankret" : "Ikke ressursmessig forankret",
                            m.carriedFrom && `Videreført fra ${m.carriedFrom}`,
                          ]
                            .filter(Boolean)
                            .join(" · ")}
                        </p>
                        {m.indicators && <p className="text-sm">Indikatorer: {m.indicators}</p>}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          ))}
        </section>
      )}

      {doc.sectionsAfter.map((s, i) => (
        <Section key={`a${i}`} heading={s.heading} body={s.body} />
      ))}
    </article>
  );
}

function Section({ heading, body }: { heading: string; body: string }) {
  return (
    <section className="mb-6">
      <h2 className="text-2xl font-semibold mb-2">{heading}</h2>
      {body ? <Markdown>{body}</Markdown> : <p className="text-slate-700 italic">(Ingen tekst ennå.)</p>}
    </section>
  );
}
