import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getViewer } from "@/lib/authz/viewer";
import { getAgendaEditor, getSendingPanel, MEETING_STATUS_LABELS } from "@/lib/meetings/queries";
import { SendNoticeForm } from "./send-notice-form";
import { meetingTitle } from "@/lib/meetings/titles";
import { activateProposalAction, moveAgendaItemAction, restoreAgendaItemAction, withdrawAgendaItemAction } from "@/lib/meetings/actions";
import { CASE_TYPE_LABELS } from "@/lib/cases/case-number";
import { dateToOsloInputs, formatDate, formatMeetingTime } from "@/lib/format/dates";
import { AddFollowUpListForm, AddItemForm, CancelMeetingForm, MeetingDetailsForm, ProposeItemForm } from "./agenda-forms";
import { TableScroll } from "@/components/ui/table-scroll";

type Props = { params: Promise<{ council: string; id: string }> };

// One load per request, shared by the metadata and the page.
const loadEditor = cache(async (slug: string, id: string) => getAgendaEditor(await getViewer(), slug, id));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { council, id } = await params;
  const m = await loadEditor(council, id);
  return { title: m ? meetingTitle({ bodyName: m.body.name, startsAt: m.startsAt }, "Sakskart") : "Fant ikke møtet" };
}

const buttonClass = "rounded border border-slate-500 px-2 py-1 text-sm hover:bg-slate-100";

export default async function AgendaEditorPage({ params }: Props) {
  const { council: slug, id } = await params;
  const viewer = await getViewer();
  const m = await loadEditor(slug, id);
  if (!m) notFound();
  const active = m.items.filter((i) => i.status === "ACTIVE");
  const proposed = m.items.filter((i) => i.status === "PROPOSED");
  const withdrawn = m.items.filter((i) => i.status === "WITHDRAWN");
  const start = dateToOsloInputs(m.startsAt);
  const end = m.endsAt ? dateToOsloInputs(m.endsAt) : null;
  const editable = m.status !== "CANCELLED" && m.status !== "MINUTES_APPROVED";
  const panel = await getSendingPanel(viewer, m.body.councilId, m.id);

  return (
    <>
      <nav aria-label="Brødsmuler" className="mb-4 text-sm flex flex-wrap gap-x-4">
        <Link className="underline text-brand-700" href={`/portal/${slug}/moter`}>Møter</Link>
        <Link className="underline text-brand-700" href={`/portal/${slug}/moter/${m.id}`}>Vis møtet</Link>
      </nav>
      <h1 className="text-3xl font-semibold mb-1">Sakskart: {m.body.name}</h1>
      <p className="mb-6 text-slate-700">
        {formatMeetingTime(m.startsAt, m.endsAt)}
        {m.location ? ` · ${m.location}` : m.remoteUrl ? " · digitalt" : " · sted ikke satt"} · {MEETING_STATUS_LABELS[m.status]}
        {m.noticeSentAt && ` · innkalling sendt ${formatDate(m.noticeSentAt)}`}
      </p>
      {m.cancelledReason && (
        <p className="mb-6 rounded border border-amber-700 bg-amber-50 p-3">
          <strong>Avlyst:</strong> {m.cancelledReason}
        </p>
      )}

      <section aria-labelledby="saksliste" className="mb-10">
        <h2 id="saksliste" className="text-xl font-semibold mb-3">Saksliste</h2>
        {editable && (
          <p className="mb-3 text-sm text-slate-700">
            En sak får nummer når den legges til, og beholder det om den flyttes. Saker over den får nummer samtidig;
            resten, som «Eventuelt», når innkallingen sendes.
          </p>
        )}
        <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {active.map((item, index) => (
            <li key={item.id} className="flex flex-wrap items-start gap-3 p-3">
              <div className="min-w-0 flex-1">
                <p className="font-medium">
                  {item.numberLabel ?? <span className="text-slate-700">(får nummer senest ved utsending)</span>}{" "}
                  <Link className="underline text-brand-700" href={`/portal/${slug}/moter/${m.id}/saker/${item.id}`}>
                    {item.title}
                  </Link>
                  {item.presenter && <span className="font-normal"> {item.presenter}</span>}
                </p>
                <p className="text-sm text-slate-700">
                  {CASE_TYPE_LABELS[item.type]}
                  {item.case?.isExempt && ` · unntatt offentlighet (${item.case.exemptionBasis ?? "hjemmel mangler"})`}
                  {item.isClosed && " · lukket møte"}
                  {item._count.attachments > 0 && ` · ${item._count.attachments} vedlegg`}
                  {item.proposedFromMeeting && ` · foreslått i ${item.proposedFromMeeting.body.name} ${formatDate(item.proposedFromMeeting.startsAt)}`}
                </p>
              </div>
              {editable && (
                <div className="flex flex-wrap gap-2">
                  <form action={moveAgendaItemAction}>
                    <input type="hidden" name="itemId" value={item.id} />
                    <input type="hidden" name="direction" value="up" />
                    <button type="submit" className={`${buttonClass} disabled:opacity-40`} disabled={index === 0} aria-label={`Flytt «${item.title}» opp`}>
                      Opp
                    </button>
                  </form>
                  <form action={moveAgendaItemAction}>
                    <input type="hidden" name="itemId" value={item.id} />
                    <input type="hidden" name="direction" value="down" />
                    <button type="submit" className={`${buttonClass} disabled:opacity-40`} disabled={index === active.length - 1} aria-label={`Flytt «${item.title}» ned`}>
                      Ned
                    </button>
                  </form>
                  <form action={withdrawAgendaItemAction}>
                    <input type="hidden" name="itemId" value={item.id} />
                    <button type="submit" className={buttonClass} aria-label={`Trekk «${item.title}» fra sakskartet`}>
                      Trekk
                    </button>
                  </form>
                </div>
              )}
            </li>
          ))}
        </ol>
        {withdrawn.length > 0 && (
          <>
            <h3 className="mt-4 font-semibold">Trukket fra sakskartet</h3>
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {withdrawn.map((item) => (
                <li key={item.id} className="flex flex-wrap items-start gap-3 p-3">
                  <p className="min-w-0 flex-1">
                    {item.numberLabel && `${item.numberLabel} `}
                    <Link className="underline text-brand-700" href={`/portal/${slug}/moter/${m.id}/saker/${item.id}`}>
                      {item.title}
                    </Link>
                  </p>
                  {editable && (
                    <form action={restoreAgendaItemAction}>
                      <input type="hidden" name="itemId" value={item.id} />
                      <button type="submit" className={buttonClass} aria-label={`Sett «${item.title}» tilbake på sakskartet`}>
                        Sett tilbake
                      </button>
                    </form>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {panel && editable && (
        <section aria-labelledby="utsending" className="mb-10 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="utsending" className="text-xl font-semibold mb-3">Innkalling</h2>
          <p className="mb-3">
            <Link className="underline text-brand-700" href={`/portal/${slug}/moter/${m.id}/innkalling`}>Forhåndsvis innkallingen</Link>
            {" · "}
            <a className="underline text-brand-700" href={`/dokumenter/${slug}/moter/${m.id}/innkalling.pdf`}>Last ned PDF</a>
          </p>
          <h3 className="font-semibold">Kontroll etter kommuneloven § 11-3</h3>
          {panel.checks.blocking.length + panel.checks.warnings.length === 0 ? (
            <p className="mb-3">Ingen mangler funnet.</p>
          ) : (
            <ul className="mb-3 space-y-1">
              {panel.checks.blocking.map((c) => (
                <li key={c.code + c.message} className="text-red-900"><strong>Stopper utsending:</strong> {c.message}</li>
              ))}
              {panel.checks.warnings.map((c) => (
                <li key={c.code + c.message} className="text-amber-900"><strong>Advarsel:</strong> {c.message}</li>
              ))}
            </ul>
          )}
          {panel.checks.info.length > 0 && (
            <ul className="mb-3 list-disc pl-6 text-sm text-slate-800">
              {panel.checks.info.map((c) => <li key={c.code + c.message}>{c.message}</li>)}
            </ul>
          )}
          <SendNoticeForm meetingId={m.id} resend={!!m.noticeSentAt} blocked={panel.checks.blocking.length > 0} />
          {panel.versions.length > 0 && (
            <>
              <h3 className="mt-4 font-semibold">Sendte versjoner</h3>
              <ul className="list-disc pl-6 text-sm">
                {panel.versions.map((v) => (
                  <li key={v.number}>
                    Versjon {v.number}, {formatDate(v.sentAt)}
                    {v.changes && <span className="block whitespace-pre-line text-slate-800">{v.changes}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
          {panel.responses.length > 0 && (
            <>
              <h3 className="mt-4 font-semibold">Svar fra de innkalte</h3>
              <TableScroll label="Svar fra de innkalte">
                <table className="w-full text-left text-sm">
                  <thead>
                    <tr className="border-b border-slate-300">
                      <th scope="col" className="py-1 pr-3">Navn</th>
                      <th scope="col" className="py-1 pr-3">Organisasjon</th>
                      <th scope="col" className="py-1">Svar</th>
                    </tr>
                  </thead>
                  <tbody>
                    {panel.responses.map((r) => (
                      <tr key={r.personId} className="border-b border-slate-100">
                        <td className="py-1 pr-3">{r.name}</td>
                        <td className="py-1 pr-3">{r.organization ?? ""}</td>
                        <td className="py-1">
                          {r.responseLabel}
                          {r.comment ? ` – ${r.comment}` : ""}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </>
          )}
        </section>
      )}

      {proposed.length > 0 && (
        <section aria-labelledby="forslag" className="mb-10">
          <h2 id="forslag" className="text-xl font-semibold mb-3">Forslag til saker</h2>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {proposed.map((item) => (
              <li key={item.id} className="flex flex-wrap items-center gap-3 p-3">
                <span className="flex-1">
                  {item.title}
                  <span className="block text-sm text-slate-700">
                    {CASE_TYPE_LABELS[item.type]}
                    {item.proposedFromMeeting && ` · foreslått i ${item.proposedFromMeeting.body.name} ${formatDate(item.proposedFromMeeting.startsAt)}`}
                  </span>
                </span>
                {editable && (
                  <form action={activateProposalAction}>
                    <input type="hidden" name="itemId" value={item.id} />
                    <button type="submit" className={buttonClass} aria-label={`Sett «${item.title}» på sakskartet`}>
                      Sett på sakskartet
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {editable && (
        <div className="grid gap-10 lg:grid-cols-2">
          <section aria-labelledby="ny-sak">
            <h2 id="ny-sak" className="text-xl font-semibold mb-3">Legg til sak</h2>
            <AddItemForm meetingId={m.id} />
            <h3 className="text-lg font-semibold mt-6 mb-2">Fast sak: Oppfølging av vedtak</h3>
            <AddFollowUpListForm meetingId={m.id} />
          </section>
          <section aria-labelledby="foreslaa">
            <h2 id="foreslaa" className="text-xl font-semibold mb-3">Forslag til saker til et senere møte</h2>
            {m.targets.length === 0 ? (
              <p>Ingen senere møter er planlagt i rådet.</p>
            ) : (
              <ProposeItemForm
                fromMeetingId={m.id}
                targets={m.targets.map((t) => ({ value: t.id, label: `${t.body.name} ${formatDate(t.startsAt)}` }))}
              />
            )}
            {m.proposedItems.length > 0 && (
              <ul className="mt-3 list-disc pl-6 text-sm">
                {m.proposedItems.map((p) => (
                  <li key={p.id}>
                    {p.title} → {p.meeting.body.name} {formatDate(p.meeting.startsAt)}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="detaljer">
            <h2 id="detaljer" className="text-xl font-semibold mb-3">Tid og sted</h2>
            <MeetingDetailsForm
              meeting={{
                meetingId: m.id,
                version: String(m.version),
                bodyId: m.body.id,
                date: start.date,
                startTime: start.time,
                endTime: end?.time ?? "",
                location: m.location ?? "",
                remoteUrl: m.remoteUrl ?? "",
                changeNote: "",
              }}
              needsReason={m.status !== "PLANNED"}
              currentNote={m.changeNote}
            />
          </section>
          <section aria-labelledby="avlys">
            <h2 id="avlys" className="text-xl font-semibold mb-3">Avlys møtet</h2>
            <CancelMeetingForm meetingId={m.id} version={m.version} />
          </section>
        </div>
      )}
    </>
  );
}
