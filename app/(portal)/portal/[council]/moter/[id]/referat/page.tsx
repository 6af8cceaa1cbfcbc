import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getViewer } from "@/lib/authz/viewer";
import { can } from "@/lib/authz/policy";
import { getMinutesEditor, verifyMinutesIntegrity } from "@/lib/minutes/queries";
import { notYetHeld } from "@/lib/minutes/editing";
import { MEETING_STATUS_LABELS } from "@/lib/meetings/queries";
import { meetingTitle } from "@/lib/meetings/titles";
import { CASE_TYPE_LABELS } from "@/lib/cases/case-number";
import { formatCalendarDate, formatDate, formatMeetingTime } from "@/lib/format/dates";
import { RoundTableForm } from "@/components/minutes/round-table-form";
import { MINUTES_STATUS_LABELS } from "@/components/minutes/minutes-document";
import { AddAttendeeForm, AttendanceForm } from "./attendance-form";
import { ItemMinutesEditor } from "./item-minutes-editor";
import { chairOptions } from "@/lib/minutes/chair-options";
import {
  ActionItemForm,
  ApproveByItemForm,
  ErratumForm,
  MinutesHeaderForm,
  ProposeFromMinutesForm,
  PublishSettingForm,
  SendForCommentForm,
  StartMinutesForm,
} from "./minutes-forms";

type Props = { params: Promise<{ council: string; id: string }> };

// One load per request, shared by the metadata and the page.
const loadEditor = cache(async (slug: string, id: string) => getMinutesEditor(await getViewer(), slug, id));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { council, id } = await params;
  const m = await loadEditor(council, id);
  return { title: m ? meetingTitle({ bodyName: m.body.name, startsAt: m.startsAt }, "Referat") : "Fant ikke møtet" };
}

export default async function MinutesEditorPage({ params }: Props) {
  const { council: slug, id } = await params;
  const viewer = await getViewer();
  const m = await loadEditor(slug, id);
  if (!m) notFound();
  const minutes = m.minutes;
  const locked = minutes?.status === "APPROVED";
  const integrity = locked ? await verifyMinutesIntegrity(m.id) : null;
  const itemOptions = m.items.map((i) => ({ id: i.id, label: `${i.numberLabel ?? ""} ${i.title}`.trim() }));
  const people = m.people.map((p) => ({ value: p.id, label: p.name }));
  const chairPeople = chairOptions(m.attendances, m.people, minutes?.signedByChairId ?? null);
  const attendeePeople = m.attendances.map((a) => ({ id: a.person.id, name: a.person.name }));
  const canCreateActions = can(viewer, "action.manage", m.body.councilId);

  return (
    <>
      <nav aria-label="Brødsmuler" className="mb-4 text-sm flex flex-wrap gap-x-4">
        <Link className="underline text-brand-700" href={`/portal/${slug}/moter`}>Møter</Link>
        <Link className="underline text-brand-700" href={`/portal/${slug}/moter/${m.id}`}>Vis møtet og referatet</Link>
        <Link className="underline text-brand-700" href={`/portal/${slug}/moter/${m.id}/rediger`}>Sakskart</Link>
        {minutes && (
          <a className="underline text-brand-700" href={`/dokumenter/${slug}/moter/${m.id}/referat.pdf`}>
            Referatet som PDF
          </a>
        )}
      </nav>
      <h1 className="text-3xl font-semibold mb-1">Referat: {m.body.name}</h1>
      <p className="mb-6 text-slate-700">
        {formatMeetingTime(m.startsAt, m.endsAt)} · {m.location ?? "sted ikke oppgitt"} · {MEETING_STATUS_LABELS[m.status]}
      </p>

      {!minutes && (
        <section className="rounded-lg border border-slate-200 bg-white p-6 space-y-3">
          <p>
            Referatet er ikke startet. Når du starter, fylles deltakerlisten fra organets medlemmer (med forfall som er meldt), og
            standardvedtak fylles inn for godkjenning av innkalling og referat og for orienteringssaker.
          </p>
          <StartMinutesForm meetingId={m.id} />
        </section>
      )}

      {minutes && (
        <>
          <section aria-labelledby="status" className="mb-8 rounded-lg border border-slate-200 bg-white p-6 space-y-4">
            <h2 id="status" className="text-xl font-semibold">Status: {MINUTES_STATUS_LABELS[minutes.status]}</h2>
            {minutes.status === "SENT_FOR_COMMENT" && minutes.sentForCommentAt && <p>Sendt til kommentar {formatDate(minutes.sentForCommentAt)}. Versjon {minutes.version}.</p>}
            {locked && (
              <div className="space-y-1">
                <p>
                  Godkjent {minutes.approvedAt ? formatDate(minutes.approvedAt) : ""} i versjon {minutes.approvedVersion}. Referatet er låst; endringer føres som rettelser.
                </p>
                <p className="text-sm break-all">Kontrollsum (SHA-256): {minutes.contentHash}</p>
                <p className="text-sm">{integrity ? "Innholdet er uendret siden godkjenning." : "ADVARSEL: innholdet stemmer ikke med kontrollsummen fra godkjenningen."}</p>
              </div>
            )}
            {!locked && m.checks && (
              <div>
                <h3 className="font-semibold">Kontroll før godkjenning{m.body.isPolitical ? " (kommuneloven § 11-4)" : ""}</h3>
                {m.checks.warnings.length === 0 ? (
                  <p>Ingen mangler funnet.</p>
                ) : (
                  <ul className="list-disc pl-6 text-amber-900" data-testid="minutes-warnings">
                    {m.checks.warnings.map((w, i) => (
                      <li key={`${w.code}-${i}`}>{w.message}</li>
                    ))}
                  </ul>
                )}
                {m.checks.info.length > 0 && (
                  <ul className="list-disc pl-6 text-slate-700">
                    {m.checks.info.map((w, i) => (
                      <li key={`${w.code}-${i}`}>{w.message}</li>
                    ))}
                  </ul>
                )}
              </div>
            )}
            {!locked &&
              (notYetHeld(m.startsAt, new Date()) ? (
                <p className="text-sm text-slate-700">Utkastet kan sendes til kommentar og godkjennes når møtet har begynt ({formatDate(m.startsAt)}). Til da kan du forberede det her.</p>
              ) : (
                <SendForCommentForm meetingId={m.id} resend={minutes.status === "SENT_FOR_COMMENT"} />
              ))}
            {!locked && (
              <p className="text-sm text-slate-700">
                Referatet godkjennes enten av møteleder elektronisk (møteleder logger inn og godkjenner på møtesiden), eller i neste møte under «Godkjenning av referat».
              </p>
            )}
            {minutes.comments.length > 0 && (
              <div>
                <h3 className="font-semibold">Kommentarer fra medlemmene</h3>
                <ul className="space-y-2">
                  {minutes.comments.map((c) => (
                    <li key={c.id} className="rounded border border-slate-200 p-2">
                      <p className="text-sm text-slate-700">
                        {c.authorName}, {formatDate(c.createdAt)}
                      </p>
                      <p className="whitespace-pre-wrap">{c.text}</p>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {locked && (
              <div>
                <h3 className="font-semibold">Rettelser</h3>
                {minutes.errata.length === 0 ? <p>Ingen rettelser.</p> : (
                  <ul className="list-disc pl-6">
                    {minutes.errata.map((e) => (
                      <li key={e.id}>{formatDate(e.createdAt)}: {e.text}</li>
                    ))}
                  </ul>
                )}
                <ErratumForm meetingId={m.id} />
              </div>
            )}
            {!m.body.isPolitical && can(viewer, "council.manage", m.body.councilId) && <PublishSettingForm meetingId={m.id} publishMinutes={m.body.publishMinutes} />}
          </section>

          <section aria-labelledby="innledning" className="mb-8 rounded-lg border border-slate-200 bg-white p-6">
            <h2 id="innledning" className="text-xl font-semibold mb-3">Innledning og underskrifter</h2>
            <MinutesHeaderForm
              meetingId={m.id}
              version={minutes.version}
              locked={locked}
              people={people}
              chairPeople={chairPeople}
              values={{
                documentTitle: minutes.documentTitle,
                introduction: minutes.introduction,
                chairId: minutes.signedByChairId ?? "",
                chairLabel: minutes.chairSignatureLabel ?? "",
                secretaryId: minutes.signedBySecretaryId ?? "",
                secretaryLabel: minutes.secretarySignatureLabel ?? "",
              }}
            />
          </section>

          <section aria-labelledby="deltakere" className="mb-8 rounded-lg border border-slate-200 bg-white p-6 space-y-4">
            <h2 id="deltakere" className="text-xl font-semibold">Deltakere</h2>
            <AttendanceForm meetingId={m.id} fingerprint={m.fingerprint} rows={m.attendances} items={itemOptions} locked={locked} />
            {!locked && (
              <details>
                <summary className="cursor-pointer font-medium">Legg til gjest, sekretariat eller vara</summary>
                <AddAttendeeForm meetingId={m.id} people={m.people} />
              </details>
            )}
          </section>

          <section aria-labelledby="saker">
            <h2 id="saker" className="text-xl font-semibold mb-3">Saker til behandling</h2>
            <ol className="space-y-8">
              {m.items.map((item) => (
                <li key={item.id} className="rounded-lg border border-slate-200 bg-white p-6 space-y-4">
                  <h3 className="text-lg font-semibold">
                    {item.numberLabel && <><span className="mr-2">{item.numberLabel}</span>{" "}</>}
                    {item.title}
                    {item.presenter && <span className="font-normal"> {item.presenter}</span>}
                  </h3>
                  <p className="text-sm text-slate-700">
                    {CASE_TYPE_LABELS[item.type]}
                    {item.isClosed && ` · lukket møte (${item.closedBasis ?? "hjemmel mangler"})`}
                  </p>

                  {item.type === "GODKJENNING" && (item.approvesMinutesOf || /referat/i.test(item.title)) && (
                    <div className="rounded border border-slate-300 p-3 space-y-2">
                      {item.approvesMinutesOf?.status === "APPROVED" ? (
                        <p>Godkjenner referatet fra {item.approvesMinutesOf.meetingLabel}: godkjent i versjon {item.approvesMinutesOf.version} og låst.</p>
                      ) : locked ? (
                        <p>Referatet fra dette møtet er låst, så saken kan ikke lenger godkjenne et tidligere referat.</p>
                      ) : (
                        <>
                          <p>
                            Når vedtaket er fattet: registrer at referatet er godkjent. Versjonen som godkjennes, lagres.{" "}
                            {item.approvesMinutesOf && (
                              <Link className="underline text-brand-700" href={`/portal/${slug}/moter/${item.approvesMinutesOf.meetingId}`}>
                                Les referatet fra {item.approvesMinutesOf.meetingLabel}
                              </Link>
                            )}
                          </p>
                          {(item.approvesMinutesOf
                            ? m.approvable.filter((a) => a.minutesId === item.approvesMinutesOf!.minutesId)
                            : m.approvable
                          ).map((a) => (
                            <ApproveByItemForm key={a.minutesId} itemId={item.id} minutesId={a.minutesId} minutesVersion={a.version} minutesHash={a.hash} label={a.label} />
                          ))}
                          {m.approvable.length === 0 && <p className="text-sm">Ingen tidligere referater fra organet venter på godkjenning.</p>}
                        </>
                      )}
                    </div>
                  )}

                  <ItemMinutesEditor itemId={item.id} initial={item.state} people={attendeePeople} isPolitical={m.body.isPolitical} locked={locked} />

                  {item.type === "RUNDE_RUNDT_BORDET" && (
                    <div className="space-y-3">
                      <h4 className="font-semibold">Runde rundt bordet</h4>
                      {m.organizations.map((o) => {
                        const c = item.roundTable.find((r) => r.organizationId === o.id);
                        return locked ? null : (
                          <RoundTableForm
                            key={o.id}
                            itemId={item.id}
                            organizationId={o.id}
                            organization={o.name}
                            text={c?.text ?? ""}
                            version={c?.version ?? null}
                            submittedInAdvance={c?.submittedInAdvance ?? false}
                            submitLabel={`Lagre innspill fra ${o.name}`}
                          />
                        );
                      })}
                      <p>
                        Ikke rapportert:{" "}
                        {m.organizations.filter((o) => !item.roundTable.some((r) => r.organizationId === o.id)).map((o) => o.name).join(", ") || "ingen – alle har rapportert"}
                      </p>
                    </div>
                  )}

                  <div className="space-y-2">
                    <h4 className="font-semibold">Oppfølging</h4>
                    {item.actionItems.length === 0 ? (
                      <p className="text-sm">Ingen oppfølgingspunkter fra denne saken.</p>
                    ) : (
                      <ul className="list-disc pl-6">
                        {item.actionItems.map((a) => (
                          <li key={a.id}>
                            {a.title} – ansvar: {a.responsible || "ikke satt"}
                            {a.dueDate && ` – frist ${formatCalendarDate(a.dueDate)}`}
                          </li>
                        ))}
                      </ul>
                    )}
                    {canCreateActions && (
                      <details>
                        <summary className="cursor-pointer font-medium">Nytt oppfølgingspunkt fra {item.numberLabel ?? item.title}</summary>
                        <ActionItemForm itemId={item.id} people={people} bodies={m.bodies.map((b) => ({ value: b.id, label: b.name }))} />
                      </details>
                    )}
                  </div>

                  <div className="space-y-2">
                    <h4 className="font-semibold">Forslag til saker til senere møter</h4>
                    {item.proposedItems.length > 0 && (
                      <ul className="list-disc pl-6">
                        {item.proposedItems.map((p) => (
                          <li key={p.id}>
                            {p.title} ({p.meetingLabel}
                            {p.status === "PROPOSED" ? ", forslag" : ""})
                          </li>
                        ))}
                      </ul>
                    )}
                    {!locked && (
                      <details>
                        <summary className="cursor-pointer font-medium">Foreslå sak til et senere møte fra {item.numberLabel ?? item.title}</summary>
                        <ProposeFromMinutesForm itemId={item.id} targets={m.laterMeetings.map((x) => ({ value: x.id, label: x.label }))} />
                      </details>
                    )}
                  </div>
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </>
  );
}
