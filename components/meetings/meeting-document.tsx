import type { MeetingView } from "@/lib/meetings/queries";
import { MEETING_STATUS_LABELS } from "@/lib/meetings/queries";
import { CASE_TYPE_LABELS } from "@/lib/cases/case-number";
import { formatDate, formatMeetingTime } from "@/lib/format/dates";
import { Markdown } from "@/components/ui/markdown";

// The meeting and its sakskart. The referat has its own document (components/minutes/minutes-document.tsx).
// Used by both the public and the portal pages, so they cannot drift apart.
export function MeetingDocument({ meeting }: { meeting: MeetingView }) {
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4 sm:p-8 shadow-sm">
      <header className="border-b border-slate-200 pb-4 mb-4">
        <p className="text-sm uppercase tracking-wide text-slate-700">{meeting.council.name}</p>
        <h1 className="text-2xl font-semibold">
          Møte i {meeting.body.name}
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

      <section aria-labelledby="saker">
        <h2 id="saker" className="text-lg font-semibold mb-3">
          Saksliste
        </h2>
        {meeting.items.length === 0 && <p>Ingen saker er satt opp ennå.</p>}
        <ol className="space-y-6">
          {meeting.items.map((item) => (
            <li key={item.id} className="border-l-4 border-brand-100 pl-4">
              <h3 className="font-semibold">
                {item.numberLabel && <><span className="mr-2">{item.numberLabel}</span>{" "}</>}
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
                  <Markdown className="mt-2">{item.background}</Markdown>
                  {item.proposedDecision?.trim() && (
                    <div className="mt-2">
                      <p className="font-medium">Forslag til vedtak</p>
                      <Markdown>{item.proposedDecision}</Markdown>
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ol>
      </section>

    </article>
  );
}
