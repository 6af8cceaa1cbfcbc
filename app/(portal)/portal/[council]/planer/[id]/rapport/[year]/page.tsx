import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getViewer } from "@/lib/authz/viewer";
import { getYearReport } from "@/lib/plans/queries";
import { MEASURE_STATUS_LABELS, MEASURE_STATUSES } from "@/lib/plans/schemas";
import { Markdown } from "@/components/ui/markdown";
import { YearReportView } from "@/components/plans/year-report";
import { AreaEvaluationForm, SummaryForm } from "./evaluation-forms";

type Props = { params: Promise<{ council: string; id: string; year: string }> };

// One load per request, shared by the metadata and the page.
const loadReport = cache(async (slug: string, id: string, yearParam: string) => {
  const year = Number(yearParam);
  return Number.isInteger(year) ? getYearReport(await getViewer(), slug, id, year) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { council, id, year } = await params;
  const data = await loadReport(council, id, year);
  return { title: data ? `Årsrapport ${year}: ${data.plan.title}` : "Fant ikke årsrapporten" };
}

export default async function YearReportPage({ params }: Props) {
  const { council: slug, id, year: yearParam } = await params;
  const year = Number(yearParam);
  const data = await loadReport(slug, id, yearParam);
  if (!data) notFound();
  const { plan, report, previousPlan, scope } = data;
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
        › Årsrapport {year}
      </nav>
      <h1 className="text-3xl font-semibold mb-1">Årlig evaluering {year}</h1>
      <p className="mb-2 text-slate-700">
        {plan.title} · {plan.councilName}
      </p>
      <p className="mb-4 text-sm">
        <a className="underline text-brand-700" href={`/dokumenter/${slug}/planer/${plan.id}/rapport-${year}.pdf`}>
          Last ned PDF
        </a>
        {previousPlan && (
          <>
            {" "}
            · Sammenlignes med{" "}
            <Link className="underline text-brand-700" href={`/portal/${slug}/planer/${previousPlan.id}/rapport/${previousPlan.year}`}>
              {previousPlan.title} ({previousPlan.year})
            </Link>
          </>
        )}
      </p>
      <section aria-labelledby="sammendrag" className="mb-8 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="sammendrag" className="text-2xl font-semibold mb-2">
          Sammendrag
        </h2>
        <p className="mb-2">
          Tiltak i alt:{" "}
          {MEASURE_STATUSES.map((s) => `${MEASURE_STATUS_LABELS[s]} ${report.totals[s]}`).join(" · ")}
        </p>
        {data.summary && <Markdown>{data.summary}</Markdown>}
        {scope.manage && <SummaryForm planId={plan.id} year={year} summary={data.summary} version={data.summaryVersion} />}
      </section>
      <YearReportView
        report={report}
        slug={slug}
        previousLabel={previousPlan?.title ?? null}
        areaForm={scope.manage ? (a) => <AreaEvaluationForm planId={plan.id} year={year} focusAreaId={a.id} areaTitle={a.title} evaluation={a.evaluation} /> : undefined}
      />
    </>
  );
}
