import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getViewer } from "@/lib/authz/viewer";
import { getActionEditOptions, getActionItemForViewer } from "@/lib/follow-up/queries";
import { ACTION_STATUS_LABELS } from "@/lib/follow-up/schemas";
import { formatCalendarDate, formatDate } from "@/lib/format/dates";
import { Markdown } from "@/components/ui/markdown";
import { DueBadge } from "@/components/follow-up/due-badge";
import { ActionAttachmentForm, EditActionItemForm, StatusForm } from "./action-item-forms";

type Props = { params: Promise<{ id: string }> };

// One load per request, shared by the metadata and the page.
const loadItem = cache(async (id: string) => {
  const viewer = await getViewer();
  return viewer ? getActionItemForViewer(viewer, id) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadItem((await params).id))?.title ?? "Fant ikke oppfølgingspunktet" };
}

const link = "underline text-brand-700";

export default async function ActionItemPage({ params }: Props) {
  const { id } = await params;
  const viewer = await getViewer();
  if (!viewer) redirect("/logg-inn");
  const a = await loadItem(id);
  if (!a) notFound();
  const edit = a.canManage ? await getActionEditOptions(viewer, a.councilId) : null;
  const o = a.origin;
  return (
    <>
      <nav aria-label="Brødsmuler" className="mb-4 text-sm flex flex-wrap gap-x-4">
        <Link className={link} href="/portal/oppfolging">
          Oppfølging av vedtak
        </Link>
        <Link className={link} href="/portal/oppfolging?mine=1">
          Mine oppgaver
        </Link>
      </nav>
      <h1 className="text-3xl font-semibold mb-2">{a.title}</h1>
      <p className="mb-1 text-lg">
        <strong>{ACTION_STATUS_LABELS[a.status]}</strong>
        {a.dueDate && ` · Frist ${formatCalendarDate(a.dueDate)}`}
        {a.closedAt && ` · Lukket ${formatDate(a.closedAt)}`}
      </p>
      <DueBadge state={a.dueState} />

      <dl className="mt-4 mb-6 grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium">Opprinnelse</dt>
        <dd>
          {o.meeting ? (
            <>
              {o.caseLabel && o.caseId ? (
                <Link className={link} href={`/portal/${a.councilSlug}/saker/${o.caseId}`}>
                  {o.caseLabel}
                </Link>
              ) : (
                o.caseLabel
              )}
              {o.itemTitle && ` ${o.itemTitle}`}
              {", "}
              <Link className={link} href={`/portal/${a.councilSlug}/moter/${o.meeting.id}`}>
                møtet i {o.meeting.label}
              </Link>
            </>
          ) : (
            "Ikke knyttet til et møte"
          )}
        </dd>
        {o.decisionText && (
          <>
            <dt className="font-medium">Vedtaket</dt>
            <dd>
              <Markdown>{o.decisionText}</Markdown>
            </dd>
          </>
        )}
        <dt className="font-medium">Ansvarlig</dt>
        <dd>
          {a.assignees.length > 0 && (
            <ul>
              {a.assignees.map((p, i) => (
                <li key={i}>
                  {p.name}
                  {p.organization && ` (${p.organization})`}
                  {p.isLead && a.assignees.length > 1 && " – hovedansvarlig"}
                </li>
              ))}
            </ul>
          )}
          {a.responsibleBody && <p>{a.responsibleBody}</p>}
          {a.responsibleText && <p>{a.responsibleText}</p>}
          {!a.responsible && "Ingen ansvarlig er satt."}
        </dd>
        <dt className="font-medium">Råd</dt>
        <dd>{a.councilName}</dd>
        <dt className="font-medium">Tiltak i planen</dt>
        <dd>
          {a.measure ? (
            <>
              <Link className="underline text-brand-700" href={`/portal/${a.councilSlug}/planer/tiltak/${a.measure.id}`}>
                {a.measure.title}
              </Link>{" "}
              – {a.measure.focusArea} ({a.measure.plan})
            </>
          ) : a.measureInDraftPlan ? (
            "Knyttet til et tiltak i en plan som ikke er vedtatt ennå"
          ) : (
            "Ikke knyttet til et tiltak"
          )}
        </dd>
        {a.focusArea && (
          <>
            <dt className="font-medium">Satsingsområde</dt>
            <dd>
              <Link className="underline text-brand-700" href={`/portal/${a.councilSlug}/planer/${a.focusArea.planId}#omrade-${a.focusArea.id}`}>
                {a.focusArea.title}
              </Link>{" "}
              ({a.focusArea.plan})
            </dd>
          </>
        )}
        {a.outcomeNote && (
          <>
            <dt className="font-medium">Resultat</dt>
            <dd>{a.outcomeNote}</dd>
          </>
        )}
      </dl>

      {a.description.trim() && (
        <section aria-labelledby="beskrivelse" className="mb-6">
          <h2 id="beskrivelse" className="text-xl font-semibold mb-2">Beskrivelse</h2>
          <Markdown>{a.description}</Markdown>
        </section>
      )}

      {a.canUpdate && (
        <section aria-labelledby="oppdater" className="mb-6">
          <h2 id="oppdater" className="text-xl font-semibold mb-2">Oppdater status</h2>
          <StatusForm actionItemId={a.id} version={a.version} status={a.status} />
        </section>
      )}

      <section aria-labelledby="historikk" className="mb-6">
        <h2 id="historikk" className="text-xl font-semibold mb-2">Historikk</h2>
        <ol className="space-y-2">
          {a.events.map((e) => (
            <li key={e.id} className="rounded border border-slate-200 bg-white p-3">
              <p className="text-sm text-slate-700">
                <time dateTime={e.at.toISOString()}>{formatDate(e.at)}</time> · {e.userName}
              </p>
              {e.toStatus && (
                <p className="font-medium">
                  {e.fromStatus ? `${ACTION_STATUS_LABELS[e.fromStatus]} → ${ACTION_STATUS_LABELS[e.toStatus]}` : ACTION_STATUS_LABELS[e.toStatus]}
                </p>
              )}
              {e.comment && <p className="whitespace-pre-wrap">{e.comment}</p>}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="vedlegg" className="mb-6">
        <h2 id="vedlegg" className="text-xl font-semibold mb-2">Vedlegg</h2>
        {a.attachments.length === 0 ? (
          <p>Ingen vedlegg.</p>
        ) : (
          <ul className="mb-3 list-disc pl-6">
            {a.attachments.map((f) => (
              <li key={f.id}>
                <a className={link} href={`/filer/${f.id}`}>
                  {f.fileName}
                </a>{" "}
                ({Math.max(1, Math.round(f.sizeBytes / 1024))} kB, {formatDate(f.createdAt)})
              </li>
            ))}
          </ul>
        )}
        {a.canUpdate && <ActionAttachmentForm actionItemId={a.id} />}
      </section>

      {edit && (
        <section aria-labelledby="endre" className="mb-6">
          <h2 id="endre" className="text-xl font-semibold mb-2">Endre ansvarlige, frist og tiltak</h2>
          <EditActionItemForm
            actionItemId={a.id}
            version={a.version}
            values={{
              title: a.title,
              description: a.description,
              personIds: a.assigneePersonIds,
              responsibleText: a.responsibleText ?? "",
              dueDate: a.dueDate ? a.dueDate.toISOString().slice(0, 10) : "",
              measureId: a.measure?.id ?? "",
              focusAreaId: a.focusArea?.id ?? "",
            }}
            people={edit.people}
            measures={edit.measures}
            focusAreas={edit.focusAreas}
          />
        </section>
      )}
    </>
  );
}
