import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getViewer } from "@/lib/authz/viewer";
import { getMeasurePage } from "@/lib/plans/queries";
import { formatCalendarDate, formatDate } from "@/lib/format/dates";
import { Markdown } from "@/components/ui/markdown";
import { MeasureStatusForm } from "./measure-status-form";

type Props = { params: Promise<{ council: string; id: string }> };

// One load per request, shared by the metadata and the page.
const loadMeasure = cache(async (slug: string, id: string) => getMeasurePage(await getViewer(), slug, id));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { council, id } = await params;
  return { title: (await loadMeasure(council, id))?.measure.title ?? "Fant ikke tiltaket" };
}

export default async function MeasurePage({ params }: Props) {
  const { council: slug, id } = await params;
  const page = await loadMeasure(slug, id);
  if (!page) notFound();
  const { measure: m, links, scope } = page;
  const plan = m.focusArea.plan;
  return (
    <>
      <nav aria-label="Brødsmuler" className="mb-4 text-sm">
        <Link className="underline text-brand-700" href={`/portal/${slug}/planer`}>
          Planer
        </Link>{" "}
        ›{" "}
        <Link className="underline text-brand-700" href={`/portal/${slug}/planer/${plan.id}`}>
          {plan.title}
        </Link>{" "}
        › {m.focusArea.title}
      </nav>
      <h1 className="text-3xl font-semibold mb-2">{m.title}</h1>
      <dl className="mb-6 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">Satsingsområde</dt>
        <dd>
          <Link className="underline text-brand-700" href={`/portal/${slug}/planer/${plan.id}#omrade-${m.focusArea.id}`}>
            {m.focusArea.title}
          </Link>
        </dd>
        {m.goal && (
          <>
            <dt className="font-semibold">Mål</dt>
            <dd>{m.goal.text}</dd>
          </>
        )}
        <dt className="font-semibold">Status</dt>
        <dd>{m.statusLabel}</dd>
        <dt className="font-semibold">Eier</dt>
        <dd>{m.owner ?? "Ikke satt"}</dd>
        <dt className="font-semibold">Tidsramme</dt>
        <dd>
          {m.timeFrame ?? "Ikke satt"}
          {m.deadline && `, frist ${formatCalendarDate(m.deadline)}`}
        </dd>
        <dt className="font-semibold">Ressurser</dt>
        <dd>{m.resourceAnchored ? "Ressursmessig forankret" : "⚠ Ikke ressursmessig forankret"}</dd>
        {m.indicators && (
          <>
            <dt className="font-semibold">Indikatorer</dt>
            <dd>{m.indicators}</dd>
          </>
        )}
        {m.carriedFrom && (
          <>
            <dt className="font-semibold">Videreført fra</dt>
            <dd>
              <Link className="underline text-brand-700" href={`/portal/${slug}/planer/tiltak/${m.carriedFrom.id}`}>
                {m.carriedFrom.title}
              </Link>{" "}
              ({m.carriedFrom.focusArea.plan.title})
            </dd>
          </>
        )}
        {m.carriedTo.length > 0 && (
          <>
            <dt className="font-semibold">Videreført i</dt>
            <dd>
              {m.carriedTo.map((c) => (
                <Link key={c.id} className="underline text-brand-700 mr-2" href={`/portal/${slug}/planer/tiltak/${c.id}`}>
                  {c.focusArea.plan.title}
                </Link>
              ))}
            </dd>
          </>
        )}
      </dl>
      {m.description && <Markdown className="mb-6">{m.description}</Markdown>}

      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="vedtak">
          <h2 id="vedtak" className="text-2xl font-semibold mb-2">
            Vedtak ({links.decisions.length})
          </h2>
          {links.decisions.length === 0 && <p>Ingen vedtak er knyttet til tiltaket.</p>}
          <ul className="space-y-3">
            {links.decisions.map((d) => (
              <li key={d.id} className="rounded border border-slate-200 bg-white p-3">
                <p className="font-semibold">
                  {d.caseId ? (
                    <Link className="underline text-brand-700" href={`/portal/${slug}/saker/${d.caseId}`}>
                      {d.numberLabel ? `${d.numberLabel} ` : ""}
                      {d.title}
                    </Link>
                  ) : (
                    `${d.numberLabel ? `${d.numberLabel} ` : ""}${d.title}`
                  )}
                </p>
                <p className="text-sm text-slate-700">
                  {d.bodyName}, {d.meetingDate}
                </p>
                <div className="mt-1 border-l-4 border-brand-700 pl-3">
                  <Markdown>{d.text}</Markdown>
                </div>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="moter">
          <h2 id="moter" className="text-2xl font-semibold mb-2">
            Møter ({links.meetings.length})
          </h2>
          {links.meetings.length === 0 && <p>Tiltaket har ikke vært behandlet i noe møte.</p>}
          <ul className="list-disc pl-5">
            {links.meetings.map((mt) => (
              <li key={mt.id}>
                <Link className="underline text-brand-700" href={`/portal/${slug}/moter/${mt.id}`}>
                  {mt.label}
                </Link>
              </li>
            ))}
          </ul>
          <h2 className="text-2xl font-semibold mt-6 mb-2">Oppgaver ({links.actions.length})</h2>
          {links.actions.length === 0 && <p>Ingen oppgaver er knyttet til tiltaket.</p>}
          <ul className="list-disc pl-5">
            {links.actions.map((a) => (
              <li key={a.id}>
                <Link className="underline text-brand-700" href={`/portal/oppfolging/${a.id}`}>
                  {a.title}
                </Link>{" "}
                <span className="text-sm text-slate-700">
                  – {a.statusLabel}
                  {a.dueDate && `, frist ${formatCalendarDate(a.dueDate)}`}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section aria-labelledby="historikk" className="mt-8">
        <h2 id="historikk" className="text-2xl font-semibold mb-2">
          Historikk
        </h2>
        {m.updates.length === 0 && <p>Ingen statusendringer eller notater ennå.</p>}
        <ol className="space-y-2">
          {m.updates.map((u) => (
            <li key={u.id} className="rounded border border-slate-200 bg-white p-3 text-sm">
              <p>
                <strong>{formatDate(u.at)}</strong> · {u.actor}
                {u.toLabel && ` · ${u.fromLabel ?? "–"} → ${u.toLabel}`}
              </p>
              {u.comment && <p>{u.comment}</p>}
            </li>
          ))}
        </ol>
      </section>

      {scope.update && (
        <div className="mt-8 max-w-xl">
          <MeasureStatusForm measureId={m.id} version={m.version} status={m.status} />
        </div>
      )}
    </>
  );
}
