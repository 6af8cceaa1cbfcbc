import type { MinutesDocument, MinutesParticipant } from "@/lib/minutes/minutes-model";
import { formatCalendarDate, formatDate } from "@/lib/format/dates";
import { Markdown } from "@/components/ui/markdown";
import { proposalLine } from "@/lib/minutes/proposal-line";
import { FollowUpTable } from "@/components/follow-up/follow-up-table";

export const MINUTES_STATUS_LABELS: Record<string, string> = {
  DRAFT: "Utkast",
  SENT_FOR_COMMENT: "Utkast sendt til kommentar",
  APPROVED: "Godkjent",
};

function absentCell(p: MinutesParticipant): string {
  if (p.status === "ABSENT") return "Forfall";
  if (p.status === "REMOTE") return "Deltok på Teams";
  return "";
}

function roleCell(p: MinutesParticipant): string {
  const extra = [p.isGuest ? "gjest" : null, p.arrivedAt ? `kom til ${p.arrivedAt}` : null, p.leftAfter ? `gikk etter ${p.leftAfter}` : null, p.note].filter(Boolean);
  return extra.length ? `${p.role} (${extra.join(", ")})` : p.role;
}

/**
 * The referat/protokoll as HTML, from the same MinutesDocument as the PDF. Shaped like Norwegian
 * minutes: header, participants, Saker til behandling with Vedtak, signatures. Decisions stand out,
 * and on a phone the participants are a list instead of a wide table.
 */
export function MinutesDocumentView({ doc }: { doc: MinutesDocument }) {
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4 sm:p-8 shadow-sm" data-testid="minutes-document">
      <header className="border-b border-slate-200 pb-4 mb-4">
        <p className="text-sm uppercase tracking-wide text-slate-700">{doc.councilName}</p>
        <h1 className="text-2xl font-semibold">
          {doc.documentTitle} fra møte i {doc.bodyName}
        </h1>
        {doc.status !== "APPROVED" && (
          <p className="mt-2 rounded border border-amber-700 bg-amber-50 p-2 font-medium">
            {doc.status === "SENT_FOR_COMMENT" ? "Utkast sendt til kommentar – ikke godkjent" : "Utkast – ikke godkjent"} (versjon {doc.version})
          </p>
        )}
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-medium">Møtested</dt>
          <dd>{doc.location ?? "Ikke oppgitt"}</dd>
          <dt className="font-medium">Tid</dt>
          <dd>
            <time dateTime={doc.startsAt.toISOString()}>{doc.timeLabel}</time>
          </dd>
        </dl>
      </header>

      {doc.participants.length > 0 && (
        <section aria-labelledby="deltakere" className="mb-6">
          <h2 id="deltakere" className="text-lg font-semibold mb-2">
            Møtedeltakere
          </h2>
          <div className="hidden sm:block">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-1 pr-3">Organisasjon</th>
                  <th scope="col" className="py-1 pr-3">Navn</th>
                  <th scope="col" className="py-1 pr-3">Rolle</th>
                  <th scope="col" className="py-1 pr-3">Forfall</th>
                  <th scope="col" className="py-1">Vara</th>
                </tr>
              </thead>
              <tbody>
                {doc.participants.map((p, i) => (
                  <tr key={i} className="border-b border-slate-100 align-top">
                    <td className="py-1 pr-3">{p.organization ?? ""}</td>
                    <td className="py-1 pr-3">{p.name}</td>
                    <td className="py-1 pr-3">{roleCell(p)}</td>
                    <td className="py-1 pr-3">{absentCell(p)}</td>
                    <td className="py-1">{p.status === "SUBSTITUTE" ? `Vara for ${p.substituteFor ?? "medlem"}` : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ul className="sm:hidden divide-y divide-slate-100">
            {doc.participants.map((p, i) => (
              <li key={i} className="py-1">
                <span className="font-medium">{p.name}</span>
                {p.organization && `, ${p.organization}`}
                <br />
                <span className="text-sm">
                  {roleCell(p)}
                  {absentCell(p) && ` – ${absentCell(p)}`}
                  {p.status === "SUBSTITUTE" && ` – vara for ${p.substituteFor ?? "medlem"}`}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <Markdown className="mb-6">{doc.introduction}</Markdown>

      <section aria-labelledby="saker">
        <h2 id="saker" className="text-lg font-semibold mb-3">
          Saker til behandling
        </h2>
        {doc.items.length === 0 && <p>Ingen saker.</p>}
        <ol className="space-y-6">
          {doc.items.map((item) => (
            <li key={item.id} className="border-l-4 border-brand-100 pl-4">
              <h3 className="font-semibold">
                {item.numberLabel && <><span className="mr-2">{item.numberLabel}</span>{" "}</>}
                {item.title}
                {item.presenter && <span className="font-normal"> {item.presenter}</span>}
              </h3>
              {item.redacted ? (
                <p className="mt-2 rounded border border-slate-400 bg-slate-100 p-2 text-sm">
                  Unntatt offentlighet{item.exemptionBasis ? ` – ${item.exemptionBasis}` : ""}
                  {item.isClosed ? `. Behandlet i lukket møte${item.closedBasis ? `, ${item.closedBasis}` : ""}.` : ""}
                </p>
              ) : (
                <>
                  {item.isClosed && <p className="mt-1 text-sm font-medium text-amber-900">Behandlet i lukket møte, {item.closedBasis ?? "hjemmel ikke oppgitt"}. Vises bare for deg med tilgang.</p>}
                  {item.noticeText && <p className="mt-1">{item.noticeText}</p>}
                  <Markdown className="mt-2">{item.notes}</Markdown>
                  {item.disqualifications.length > 0 && (
                    <p className="mt-2 text-sm">
                      Inhabil: {item.disqualifications.map((d) => `${d.name} (${d.basis})`).join("; ")}. Fratrådte under behandlingen.
                    </p>
                  )}
                  {item.roundTable.length + item.roundTableMissing.length > 0 && (
                    <div className="mt-2 space-y-2">
                      {item.roundTable.map((r) => (
                        <div key={r.organization}>
                          <p className="font-medium">
                            {r.organization}
                            {r.submittedInAdvance && <span className="ml-2 rounded bg-slate-200 px-1 text-xs font-normal">innsendt</span>}
                          </p>
                          <Markdown>{r.text}</Markdown>
                        </div>
                      ))}
                      {item.roundTableMissing.length > 0 && <p className="text-sm">Ikke rapportert: {item.roundTableMissing.join(", ")}</p>}
                    </div>
                  )}
                  {item.approvesMinutesOf && <p className="mt-1 text-sm">Gjelder referatet fra {item.approvesMinutesOf.meetingLabel}.</p>}
                  {item.decision && (
                    <div className="mt-3 rounded border-l-4 border-brand-700 bg-brand-50 p-3" data-testid="decision">
                      <p className="font-semibold">{item.decision.heading}</p>
                      <Markdown>{item.decision.text}</Markdown>
                      {item.decision.voting === "ENSTEMMIG" && <p className="text-sm mt-1">Enstemmig vedtatt.</p>}
                      {item.decision.voting === "VOTERING" &&
                        (item.decision.proposals.length === 0 ? (
                          <p className="text-sm mt-1">Votering – ingen forslag er registrert.</p>
                        ) : (
                          <ul className="mt-2 list-disc pl-6 text-sm">
                            {item.decision.proposals.map((p, i) => (
                              <li key={i}>{proposalLine(p)}</li>
                            ))}
                          </ul>
                        ))}
                    </div>
                  )}
                  {item.followUpList && <FollowUpTable list={item.followUpList} />}
                  {item.actionItems.length > 0 && (
                    <div className="mt-2">
                      <p className="font-medium text-sm">Oppfølging</p>
                      <ul className="list-disc pl-6 text-sm">
                        {item.actionItems.map((a, i) => (
                          <li key={i}>
                            {a.title} – ansvar: {a.responsible || "ikke satt"}
                            {a.dueDate && ` – frist ${formatCalendarDate(a.dueDate)}`}
                          </li>
                        ))}
                      </ul>
                    </div>
                  )}
                  {item.proposedItems.length > 0 && (
                    <div className="mt-2">
                      <p className="font-medium text-sm">Foreslått til senere møter</p>
                      <ul className="list-disc pl-6 text-sm">
                        {item.proposedItems.map((p, i) => (
                          <li key={i}>
                            {p.title} ({p.meetingLabel})
                          </li>
                        ))}
                      </ul>
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ol>
      </section>

      {doc.signatures.length > 0 && (
        <section aria-label="Underskrifter" className="mt-8 grid gap-6 sm:grid-cols-2">
          {doc.signatures.map((s, i) => (
            <div key={i}>
              <p className="font-medium">{s.name}</p>
              <p className="text-slate-700">{s.label}</p>
            </div>
          ))}
        </section>
      )}

      {doc.approval && (
        <p className="mt-6 text-sm text-slate-700 break-words">
          {doc.approval.label}. Versjon {doc.approval.approvedVersion ?? "–"}.{" "}
          {doc.approval.contentHash && <span className="break-all">Kontrollsum (SHA-256): {doc.approval.contentHash}</span>}
        </p>
      )}

      {doc.errata.length > 0 && (
        <section aria-labelledby="rettelser" className="mt-6 rounded border border-amber-700 bg-amber-50 p-3">
          <h2 id="rettelser" className="text-lg font-semibold">Rettelser etter godkjenning</h2>
          <ul className="list-disc pl-6">
            {doc.errata.map((e, i) => (
              <li key={i}>
                {formatDate(e.createdAt)}: {e.text}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
