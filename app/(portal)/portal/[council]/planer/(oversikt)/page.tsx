import type { Metadata } from "next";
import { councilPageMetadata } from "@/lib/councils/metadata";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getViewer } from "@/lib/authz/viewer";
import { getPlanOverview, listPlans } from "@/lib/plans/queries";
import { PLAN_KIND_LABELS, PLAN_STATUS_LABELS, INACTIVE_MONTHS, type PlanKind } from "@/lib/plans/schemas";
import { periodLabel } from "@/lib/plans/document";
import { formatCalendarDate, formatDate, osloYearOf } from "@/lib/format/dates";
import { progressShare } from "@/lib/plans/report";
import { StatusChart } from "@/components/plans/status-chart";
import { NewPlanForm } from "./new-plan-form";

export const generateMetadata = ({ params }: Props): Promise<Metadata> => councilPageMetadata(params, "Planer");

type Props = { params: Promise<{ council: string }> };

export default async function PlansPage({ params }: Props) {
  const { council: slug } = await params;
  const viewer = await getViewer();
  const [list, overview] = await Promise.all([listPlans(viewer, slug), getPlanOverview(viewer, slug)]);
  if (!list || !overview) notFound();
  const { council } = list;
  return (
    <>
      <h1 className="text-3xl font-semibold mb-1">Strategi og handlingsplaner</h1>
      <p className="mb-6 text-slate-700">{council.name}</p>

      {overview.plan ? (
        <section aria-labelledby="oversikt" className="mb-8 space-y-4">
          <h2 id="oversikt" className="text-2xl font-semibold">
            Fremdrift: <Link className="underline text-brand-700" href={`/portal/${slug}/planer/${overview.plan.id}`}>{overview.plan.title}</Link>
          </h2>
          <p className="text-slate-700">
            {PLAN_STATUS_LABELS[overview.plan.status]} · {overview.plan.measureCount} tiltak ·{" "}
            <Link className="underline text-brand-700" href={`/portal/${slug}/planer/${overview.plan.id}/rapport/${overview.plan.periodTo}`}>
              Årsrapport {overview.plan.periodTo}
            </Link>
          </p>
          <StatusChart
            caption={`Tiltak per satsingsområde – ${overview.areas.map((a) => `${a.title}: ${Math.round(progressShare(a.counts) * 100)} % gjennomført`).join("; ")}`}
            areas={overview.areas}
          />
          <div className="grid gap-4 md:grid-cols-2">
            <section aria-labelledby="uten-ressurser" className="rounded-lg border border-amber-700 bg-amber-50 p-4">
              <h3 id="uten-ressurser" className="text-lg font-semibold">
                ⚠ Tiltak uten ressursforankring ({overview.unanchored.length})
              </h3>
              <p className="text-sm mb-2">Etter rådets egen regel skal tiltak som ikke er ressursmessig forankret, ikke bli stående som felles regionale prioriteringer.</p>
              <MeasureList slug={slug} rows={overview.unanchored} />
            </section>
            <section aria-labelledby="uten-aktivitet" className="rounded-lg border border-slate-400 bg-slate-50 p-4">
              <h3 id="uten-aktivitet" className="text-lg font-semibold">
                ⏸ Ingen aktivitet siste {INACTIVE_MONTHS} måneder ({overview.inactive.length})
              </h3>
              <p className="text-sm mb-2">Ingen møter, vedtak, oppgaver eller statusnotater på tiltaket det siste året.</p>
              <MeasureList slug={slug} rows={overview.inactive} showActivity />
            </section>
          </div>
        </section>
      ) : (
        <p className="mb-6">Ingen handlingsplan er {list.live ? "registrert" : "vedtatt"} ennå.</p>
      )}

      <section aria-labelledby="alle-planer" className="mb-8">
        <h2 id="alle-planer" className="text-2xl font-semibold mb-3">
          Alle planer
        </h2>
        {list.plans.length === 0 && <p>Ingen planer ennå.</p>}
        <ul className="space-y-3">
          {list.plans.map((p) => (
            <li key={p.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <p className="font-semibold">
                <Link className="underline text-brand-700" href={`/portal/${slug}/planer/${p.id}`}>
                  {p.title}
                </Link>
              </p>
              <p className="text-sm text-slate-700">
                {PLAN_KIND_LABELS[p.kind as PlanKind]} {periodLabel(p)} · {PLAN_STATUS_LABELS[p.status]}
                {p.adoptedAt && ` ${formatCalendarDate(p.adoptedAt)}`}
                {p.versionCount > 0 && ` · versjon ${p.versionCount}`}
                {p.revisionOpen && " · revisjon pågår"}
                {p.strategy && ` · bygger på «${p.strategy.title}»`}
              </p>
            </li>
          ))}
        </ul>
      </section>

      {list.manage && (
        <NewPlanForm
          councilSlug={slug}
          year={osloYearOf() + 1}
          strategies={list.plans.filter((p) => p.kind === "STRATEGY").map((p) => ({ value: p.id, label: p.title }))}
        />
      )}
    </>
  );
}

function MeasureList({ slug, rows, showActivity }: { slug: string; rows: { id: string; title: string; area: string; lastActivity: Date | null }[]; showActivity?: boolean }) {
  if (rows.length === 0) return <p className="text-sm">Ingen.</p>;
  return (
    <ul className="list-disc pl-5 text-sm space-y-1">
      {rows.map((m) => (
        <li key={m.id}>
          <Link className="underline text-brand-700" href={`/portal/${slug}/planer/tiltak/${m.id}`}>
            {m.title}
          </Link>{" "}
          <span className="text-slate-700">
            ({m.area}
            {showActivity && (m.lastActivity ? `, sist ${formatDate(m.lastActivity)}` : ", aldri")})
          </span>
        </li>
      ))}
    </ul>
  );
}
