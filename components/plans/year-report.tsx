import Link from "next/link";
import { Markdown } from "@/components/ui/markdown";
import { MEASURE_STATUS_LABELS, MEASURE_STATUSES } from "@/lib/plans/schemas";
import type { ReportArea, YearReport } from "@/lib/plans/report";

// The yearly evaluation report per focus area, in the order the councils report:
// status og måloppnåelse, the year's decisions and follow-up, utviklingstrekk og retning,
// videre prioriteringer, and last year's figures beside this year's.
export function YearReportView({
  report,
  slug,
  previousLabel,
  areaForm,
}: {
  report: YearReport;
  slug: string;
  previousLabel: string | null;
  areaForm?: (area: ReportArea) => React.ReactNode;
}) {
  return (
    <div className="space-y-8">
      {report.areas.map((a) => (
        <section key={a.id} aria-labelledby={`rapport-${a.id}`} className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id={`rapport-${a.id}`} className="text-2xl font-semibold mb-3">
            {a.title}
          </h2>

          <h3 className="text-lg font-semibold">Status og måloppnåelse</h3>
          <p className="text-sm text-slate-700 mb-2">
            {MEASURE_STATUSES.filter((s) => a.counts[s] > 0)
              .map((s) => `${MEASURE_STATUS_LABELS[s]}: ${a.counts[s]}`)
              .join(" · ") || "Ingen tiltak."}
          </p>
          {a.byStatus.map((g) => (
            <div key={g.status} className="mb-3">
              <h4 className="font-semibold">
                {g.label} ({g.measures.length})
              </h4>
              <ul className="list-disc pl-5">
                {g.measures.map((m) => (
                  <li key={m.id}>
                    <Link className="underline text-brand-700" href={`/portal/${slug}/planer/tiltak/${m.id}`}>
                      {m.title}
                    </Link>
                    {m.owner && <span className="text-sm text-slate-700"> – {m.owner}</span>}
                    {!m.resourceAnchored && <span className="text-sm"> (ikke ressursforankret)</span>}
                    {m.decisions.length > 0 && (
                      <ul className="list-[circle] pl-5 text-sm">
                        {m.decisions.map((d) => (
                          <li key={d.id}>
                            Vedtak:{" "}
                            {d.caseId ? (
                              <Link className="underline text-brand-700" href={`/portal/${slug}/saker/${d.caseId}`}>
                                {d.label}
                              </Link>
                            ) : (
                              d.label
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          {a.evaluation.statusText && <Markdown className="mb-3">{a.evaluation.statusText}</Markdown>}

          <h3 className="text-lg font-semibold mt-4">Vedtak i {report.year}</h3>
          {a.decisions.length === 0 ? (
            <p>Ingen vedtak knyttet til området i {report.year}.</p>
          ) : (
            <ul className="space-y-2">
              {a.decisions.map((d) => (
                <li key={d.id} className="border-l-4 border-brand-700 pl-3">
                  <p className="font-medium">
                    <Link className="underline text-brand-700" href={`/portal/${slug}/moter/${d.meetingId}`}>
                      {d.label}
                    </Link>
                  </p>
                  <Markdown className="text-sm">{d.text}</Markdown>
                </li>
              ))}
            </ul>
          )}

          <h3 className="text-lg font-semibold mt-4">Oppfølging i {report.year}</h3>
          {a.actions.length === 0 ? (
            <p>Ingen oppgaver knyttet til området i {report.year}.</p>
          ) : (
            <ul className="list-disc pl-5">
              {a.actions.map((x) => (
                <li key={x.id}>
                  <Link className="underline text-brand-700" href={`/portal/oppfolging/${x.id}`}>
                    {x.title}
                  </Link>{" "}
                  – {x.statusLabel}
                </li>
              ))}
            </ul>
          )}

          <h3 className="text-lg font-semibold mt-4">Utviklingstrekk og retning</h3>
          {a.evaluation.trends ? <Markdown>{a.evaluation.trends}</Markdown> : <p className="italic text-slate-700">Ikke skrevet ennå.</p>}

          <h3 className="text-lg font-semibold mt-4">Videre prioriteringer</h3>
          {a.evaluation.priorities ? <Markdown>{a.evaluation.priorities}</Markdown> : <p className="italic text-slate-700">Ikke skrevet ennå.</p>}

          <h3 className="text-lg font-semibold mt-4">Sammenlignet med {report.year - 1}</h3>
          {a.previous ? (
            <table className="text-sm">
              <caption className="sr-only">
                {a.title}: {report.year} mot {report.year - 1}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="pr-4 text-left">
                    Mål
                  </th>
                  <th scope="col" className="pr-4 text-right">
                    {report.year - 1}
                  </th>
                  <th scope="col" className="text-right">
                    {report.year}
                  </th>
                </tr>
              </thead>
              <tbody>
                {MEASURE_STATUSES.map((s) => (
                  <tr key={s}>
                    <th scope="row" className="pr-4 text-left font-normal">
                      Tiltak {MEASURE_STATUS_LABELS[s].toLowerCase()}
                    </th>
                    <td className="pr-4 text-right">{a.previous!.counts[s]}</td>
                    <td className="text-right">{a.counts[s]}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row" className="pr-4 text-left font-normal">
                    Vedtak
                  </th>
                  <td className="pr-4 text-right">{a.previous.decisions}</td>
                  <td className="text-right">{a.decisions.length}</td>
                </tr>
                <tr>
                  <th scope="row" className="pr-4 text-left font-normal">
                    Oppgaver
                  </th>
                  <td className="pr-4 text-right">{a.previous.actions}</td>
                  <td className="text-right">{a.actions.length}</td>
                </tr>
              </tbody>
            </table>
          ) : (
            <p>{previousLabel ? `Området fantes ikke i ${previousLabel}.` : `Ingen plan for ${report.year - 1} å sammenligne med.`}</p>
          )}
          {areaForm && <div className="mt-4">{areaForm(a)}</div>}
        </section>
      ))}
    </div>
  );
}
