import Link from "next/link";
import { CASE_TYPE_LABELS } from "@/lib/cases/case-number";
import { formatDate } from "@/lib/format/dates";
import { Markdown } from "@/components/ui/markdown";
import type { getCaseView } from "@/lib/cases/queries";
import { TableScroll } from "@/components/ui/table-scroll";

type CaseView = NonNullable<Awaited<ReturnType<typeof getCaseView>>>;

// The minutes' own headings (lib/minutes/build.ts), shorter: a case page names the kind in a line.
const DECISION_LABELS: Record<string, string> = { VEDTAK: "Vedtak", INNSTILLING: "Innstilling", KONKLUSJON: "Konklusjon" };

// The case page, public or signed-in: the saksgang table and the case papers.
export function CaseDocument({ c, meetingHref, caseHref }: { c: CaseView; meetingHref: (id: string) => string; caseHref: (id: string) => string }) {
  return (
    <article className="space-y-6">
      <header>
        <p className="text-sm uppercase tracking-wide text-slate-700">{c.council.name}</p>
        <h1 className="text-3xl font-semibold">{c.title}</h1>
        <p className="text-slate-700">
          {CASE_TYPE_LABELS[c.type]}
          {c.presenter && ` · ${c.presenter}`}
        </p>
      </header>
      <section aria-labelledby="saksgang">
        <h2 id="saksgang" className="text-xl font-semibold mb-2">Saksgang</h2>
        <TableScroll label="Saksgang" className="rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">Organ</th>
                <th scope="col" className="p-2">Møtedato</th>
                <th scope="col" className="p-2">Saksnummer</th>
                <th scope="col" className="p-2">Utfall</th>
              </tr>
            </thead>
            <tbody>
              {c.saksgang.map((r) => (
                <tr key={r.itemId} className="border-b border-slate-100">
                  <td className="p-2">{r.bodyName}</td>
                  <td className="p-2">
                    <Link className="underline text-brand-700" href={meetingHref(r.meetingId)}>{formatDate(r.startsAt)}</Link>
                  </td>
                  <td className="p-2">{r.numberLabel ?? "–"}</td>
                  <td className="p-2">{r.outcome ?? "Ikke behandlet ennå"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      {c.redacted ? (
        <p className="rounded border border-slate-400 bg-slate-100 p-3">{c.redactedNote}</p>
      ) : (
        <>
          {c.background?.trim() && (
            <section aria-labelledby="framlegg">
              <h2 id="framlegg" className="text-xl font-semibold mb-2">Saksframlegg</h2>
              <Markdown>{c.background}</Markdown>
            </section>
          )}
          {c.proposedDecision?.trim() && (
            <section aria-labelledby="forslag">
              <h2 id="forslag" className="text-xl font-semibold mb-2">Forslag til vedtak</h2>
              <Markdown>{c.proposedDecision}</Markdown>
            </section>
          )}
          {c.saksgang.filter((r) => r.decision || r.notes).map((r) => (
            <section key={r.itemId} aria-label={`Behandling i ${r.bodyName} ${formatDate(r.startsAt)}`} className="rounded border-l-4 border-brand-700 bg-brand-50 p-3 space-y-2">
              <p className="font-semibold">
                {r.bodyName} {formatDate(r.startsAt)}
                {r.numberLabel && `, ${r.numberLabel}`}
              </p>
              {r.notes && (
                <div>
                  <p className="text-sm font-semibold uppercase tracking-wide text-slate-700">Fra referatet</p>
                  <Markdown>{r.notes}</Markdown>
                </div>
              )}
              {r.decision && (
                <div>
                  <p className="text-sm font-semibold uppercase tracking-wide text-slate-700">{DECISION_LABELS[r.decision.kind] ?? "Vedtak"}</p>
                  <Markdown>{r.decision.text}</Markdown>
                </div>
              )}
            </section>
          ))}
        </>
      )}
      {(c.referencesTo.length > 0 || c.referencedBy.length > 0) && (
        <section aria-labelledby="henvisninger">
          <h2 id="henvisninger" className="text-xl font-semibold mb-2">Henvisninger</h2>
          <ul className="list-disc pl-6">
            {c.referencesTo.map((r) => (
              <li key={r.id}>{r.toCaseId ? <Link className="underline text-brand-700" href={caseHref(r.toCaseId)}>{r.label}</Link> : r.label}</li>
            ))}
            {c.referencedBy.map((r) => (
              <li key={r.id}>
                Henvist til fra <Link className="underline text-brand-700" href={caseHref(r.fromCaseId)}>{r.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
