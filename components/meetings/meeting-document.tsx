import type { MeetingView } from "@/lib/meetings/queries";
import { ATTENDANCE_LABELS, MEETING_STATUS_LABELS } from "@/lib/meetings/queries";
import { CASE_TYPE_LABELS } from "@/lib/cases/case-number";
import { formatDate, formatMeetingTime } from "@/lib/format/dates";
import { Markdown } from "@/components/ui/markdown";

const DECISION_HEADINGS: Record<string, string> = {
  VEDTAK: "Vedtak",
  INNSTILLING: "Innstilling",
  KONKLUSJON: "Oppsummering av innspill og konklusjon",
};

// The meeting as one document: the sakskart before the meeting, the referat after it.
// Used by both the public and the portal pages, so they cannot drift apart.
export function MeetingDocument({ meeting }: { meeting: MeetingView }) {
  const showMinutes = meeting.minutes !== null;
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4 sm:p-8 shadow-sm">
      <header className="border-b border-slate-200 pb-4 mb-4">
        <p className="text-sm uppercase tracking-wide text-slate-700">{meeting.council.name}</p>
        <h1 className="text-2xl font-semibold">
          {showMinutes ? `${meeting.minutes!.documentTitle} fra møte i ` : "Møte i "}
          {meeting.body.name}
        </h1>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-medium">Tid</dt>
          <dd>
            <time dateTime={meeting.startsAt.toISOString()}>{formatMeetingTime(meeting.startsAt, meeting.endsAt)}</time>
          </dd>
          <dt className="font-medium">Sted</dt>
          <dd>
            {meeting.location ?? "Ikke fastsatt"}
            {meeting.remoteUrl && (
              <>
                {" – "}
                <a className="underline text-brand-700" href={meeting.remoteUrl}>
                  delta digitalt
                </a>
              </>
            )}
          </dd>
          <dt className="font-medium">Status</dt>
          <dd>{MEETING_STATUS_LABELS[meeting.status]}</dd>
          {meeting.noticeSentAt && (
            <>
              <dt className="font-medium">Innkalling sendt</dt>
              <dd>{formatDate(meeting.noticeSentAt)}</dd>
            </>
          )}
        </dl>
        {meeting.cancelledReason && (
          <p className="mt-3 rounded border border-amber-700 bg-amber-50 p-3">
            <strong>Møtet er avlyst.</strong> {meeting.cancelledReason}
          </p>
        )}
        {meeting.changeNote && <p className="mt-3 text-slate-800">Endring: {meeting.changeNote}</p>}
      </header>

      {showMinutes && meeting.attendances.length > 0 && (
        <section aria-labelledby="deltakere" className="mb-6">
          <h2 id="deltakere" className="text-lg font-semibold mb-2">
            Møtedeltakere
          </h2>
          <div className="overflow-x-auto">
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
                {meeting.attendances.map((a) => (
                  <tr key={a.id} className="border-b border-slate-100 align-top">
                    <td className="py-1 pr-3">{a.organization?.name ?? ""}</td>
                    <td className="py-1 pr-3">{a.person.name}</td>
                    <td className="py-1 pr-3">{a.roleLabel ?? a.person.title ?? ""}</td>
                    <td className="py-1 pr-3">{a.status === "ABSENT" ? "Forfall" : a.status === "REMOTE" ? ATTENDANCE_LABELS.REMOTE : ""}</td>
                    <td className="py-1">{a.status === "SUBSTITUTE" ? `For ${a.substituteFor?.name ?? "medlem"}` : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {showMinutes && <Markdown className="mb-6">{meeting.minutes!.introduction}</Markdown>}

      <section aria-labelledby="saker">
        <h2 id="saker" className="text-lg font-semibold mb-3">
          {showMinutes ? "Saker til behandling" : "Saksliste"}
        </h2>
        {meeting.items.length === 0 && <p>Ingen saker er satt opp ennå.</p>}
        <ol className="space-y-6">
          {meeting.items.map((item) => (
            <li key={item.id} className="border-l-4 border-brand-100 pl-4">
              <h3 className="font-semibold">
                {item.numberLabel && <span className="mr-2">{item.numberLabel}</span>}
                {item.title}
                {item.presenter && <span className="font-normal"> {item.presenter}</span>}
              </h3>
              <p className="text-sm text-slate-700">
                {CASE_TYPE_LABELS[item.type]}
                {item.status === "PROPOSED" && " · forslag, ikke satt på sakskartet"}
              </p>
              {item.redacted ? (
                <p className="mt-2 rounded border border-slate-400 bg-slate-100 p-2 text-sm">
                  Unntatt offentlighet
                  {item.exemptionBasis ? ` – ${item.exemptionBasis}` : ""}
                  {item.isClosed && item.closedBasis ? `. Behandlet i lukket møte, ${item.closedBasis}.` : ""}
                </p>
              ) : (
                <>
                  {item.isExempt && (
                    <p className="mt-2 text-sm font-medium text-amber-900">
                      Unntatt offentlighet – {item.exemptionBasis}. Innholdet vises bare for deg med tilgang.
                    </p>
                  )}
                  {item.noticeText && <p className="mt-1">{item.noticeText}</p>}
                  {!showMinutes && <Markdown className="mt-2">{item.background}</Markdown>}
                  {!showMinutes && item.proposedDecision?.trim() && (
                    <div className="mt-2">
                      <p className="font-medium">Forslag til vedtak</p>
                      <Markdown>{item.proposedDecision}</Markdown>
                    </div>
                  )}
                  <Markdown className="mt-2">{item.minutesNotes}</Markdown>
                  {item.decision && (
                    <div className="mt-3 rounded border-l-4 border-brand-700 bg-brand-50 p-3">
                      <p className="font-semibold">{DECISION_HEADINGS[item.decision.kind]}</p>
                      <Markdown>{item.decision.text}</Markdown>
                      {item.decision.voting === "ENSTEMMIG" && <p className="text-sm">Enstemmig.</p>}
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ol>
      </section>

      {showMinutes && (meeting.minutes!.chair || meeting.minutes!.secretary) && (
        <section aria-label="Underskrifter" className="mt-8 grid gap-6 sm:grid-cols-2">
          {[meeting.minutes!.chair, meeting.minutes!.secretary].filter(Boolean).map((s, i) => (
            <div key={i}>
              <p className="font-medium">{s!.name}</p>
              <p className="text-slate-700">{s!.label}</p>
            </div>
          ))}
        </section>
      )}

      {showMinutes && meeting.minutes!.errata.length > 0 && (
        <section aria-labelledby="rettelser" className="mt-6">
          <h2 id="rettelser" className="text-lg font-semibold">Rettelser</h2>
          <ul className="list-disc pl-6">
            {meeting.minutes!.errata.map((e) => (
              <li key={e.id}>
                {formatDate(e.createdAt)}: {e.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      {showMinutes && meeting.minutes!.approvedAt && (
        <p className="mt-6 text-sm text-slate-700">Referatet ble godkjent {formatDate(meeting.minutes!.approvedAt)}.</p>
      )}
    </article>
  );
}
