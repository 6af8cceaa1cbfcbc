import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getViewer } from "@/lib/authz/viewer";
import { getPlanEditor } from "@/lib/plans/queries";
import { MEASURE_STATUS_LABELS, type MeasureStatus } from "@/lib/plans/schemas";
import { BulkMeasuresForm, FocusAreaForm, GoalForm, MeasureForm, PartControls, PlanHeaderForm, SectionForm } from "./plan-editor-forms";

type Props = { params: Promise<{ council: string; id: string }> };

// One load per request, shared by the metadata and the page.
const loadEditor = cache(async (slug: string, id: string) => getPlanEditor(await getViewer(), slug, id));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { council, id } = await params;
  const editor = await loadEditor(council, id);
  return { title: editor ? `Rediger: ${editor.plan.title}` : "Fant ikke planen" };
}

export default async function PlanEditorPage({ params }: Props) {
  const { council: slug, id } = await params;
  const editor = await loadEditor(slug, id);
  if (!editor) notFound();
  const { plan, owners, strategies, editable } = editor;
  const base = `/portal/${slug}/planer/${plan.id}`;
  return (
    <>
      <nav aria-label="Brødsmuler" className="mb-4 text-sm">
        <Link className="underline text-brand-700" href={`/portal/${slug}/planer`}>
          Planer
        </Link>{" "}
        ›{" "}
        <Link className="underline text-brand-700" href={base}>
          {plan.title}
        </Link>{" "}
        › Rediger
      </nav>
      <h1 className="text-3xl font-semibold mb-2">Rediger: {plan.title}</h1>
      <p className="mb-6">
        <Link className="underline text-brand-700" href={base}>
          Se planen som dokument
        </Link>
        {plan.revisionOpen && " · Revisjon pågår: medlemmene ser siste vedtatte versjon til revisjonen er vedtatt."}
      </p>
      {!editable ? (
        <p role="status" className="rounded border border-amber-700 bg-amber-50 p-3">
          Planen er vedtatt og låst. Start en revisjon fra <Link className="underline text-brand-700" href={base}>planens side</Link> for å endre teksten.
        </p>
      ) : (
        <div className="space-y-8">
          <PlanHeaderForm plan={plan} strategies={strategies} />

          <section aria-labelledby="seksjoner" className="space-y-3">
            <h2 id="seksjoner" className="text-2xl font-semibold">
              Seksjoner
            </h2>
            <p className="text-sm text-slate-700">Frie seksjoner: møtearenaer og møteplan, nettverk, partnerskap, høringer, kommunikasjon, budsjett.</p>
            {plan.sections.map((s, i) => (
              <details key={s.id} className="rounded-lg border border-slate-200 bg-white p-3">
                <summary className="cursor-pointer font-semibold">
                  Seksjon: {s.heading}
                  {s.afterFocusAreas && " (etter satsingsområdene)"}
                </summary>
                <div className="mt-3 space-y-3">
                  <SectionForm planId={plan.id} section={s} />
                  <PartControls part="section" id={s.id} version={s.version} label={s.heading} first={i === 0} last={i === plan.sections.length - 1} />
                </div>
              </details>
            ))}
            <details className="rounded-lg border border-dashed border-slate-400 bg-white p-3">
              <summary className="cursor-pointer font-semibold">Ny seksjon</summary>
              <div className="mt-3">
                <SectionForm planId={plan.id} />
              </div>
            </details>
          </section>

          <section aria-labelledby="omrader" className="space-y-4">
            <h2 id="omrader" className="text-2xl font-semibold">
              Satsingsområder, mål og tiltak
            </h2>
            {plan.focusAreas.map((a, i) => {
              const goals = a.goals.map((g) => ({ value: g.id, label: g.text }));
              return (
                <section key={a.id} aria-labelledby={`omrade-${a.id}`} className="rounded-lg border border-slate-300 bg-white p-4 space-y-3">
                  <h3 id={`omrade-${a.id}`} className="text-xl font-semibold">
                    Satsingsområde: {a.title}
                  </h3>
                  <PartControls part="focusArea" id={a.id} version={a.version} label={a.title} first={i === 0} last={i === plan.focusAreas.length - 1} />
                  <details className="rounded border border-slate-200 p-3">
                    <summary className="cursor-pointer">Endre navn og beskrivelse</summary>
                    <div className="mt-3">
                      <FocusAreaForm planId={plan.id} area={a} />
                    </div>
                  </details>

                  <h4 className="font-semibold">Mål ({a.goals.length})</h4>
                  {a.goals.map((g, gi) => (
                    <div key={g.id} className="rounded border border-slate-200 p-3 space-y-2">
                      <GoalForm focusAreaId={a.id} goal={g} />
                      <PartControls part="goal" id={g.id} version={g.version} label={g.text} first={gi === 0} last={gi === a.goals.length - 1} />
                    </div>
                  ))}
                  <details className="rounded border border-dashed border-slate-400 p-3">
                    <summary className="cursor-pointer">Nytt mål i {a.title}</summary>
                    <div className="mt-3">
                      <GoalForm focusAreaId={a.id} />
                    </div>
                  </details>

                  <h4 className="font-semibold">Tiltak ({a.measures.length})</h4>
                  <ol className="space-y-2">
                    {a.measures.map((m, mi) => (
                      <li key={m.id}>
                        <details className="rounded border border-slate-200 p-3">
                          <summary className="cursor-pointer">
                            {m.title} <span className="text-sm text-slate-700">– {MEASURE_STATUS_LABELS[m.status as MeasureStatus]}{m.resourceAnchored ? "" : ", ikke ressursforankret"}</span>
                          </summary>
                          <div className="mt-3 space-y-3">
                            <MeasureForm focusAreaId={a.id} measure={m} goals={goals} owners={owners} />
                            <PartControls part="measure" id={m.id} version={m.version} label={m.title} first={mi === 0} last={mi === a.measures.length - 1} />
                          </div>
                        </details>
                      </li>
                    ))}
                  </ol>
                  <details className="rounded border border-dashed border-slate-400 p-3">
                    <summary className="cursor-pointer">Nytt tiltak i {a.title}</summary>
                    <div className="mt-3">
                      <MeasureForm focusAreaId={a.id} goals={goals} owners={owners} />
                    </div>
                  </details>
                  <details className="rounded border border-dashed border-slate-400 p-3">
                    <summary className="cursor-pointer">Flere tiltak i {a.title} (ett per linje)</summary>
                    <div className="mt-3">
                      <BulkMeasuresForm focusAreaId={a.id} />
                    </div>
                  </details>
                </section>
              );
            })}
            <details className="rounded-lg border border-dashed border-slate-400 bg-white p-3">
              <summary className="cursor-pointer font-semibold">Nytt satsingsområde</summary>
              <div className="mt-3">
                <FocusAreaForm planId={plan.id} />
              </div>
            </details>
          </section>
        </div>
      )}
    </>
  );
}
