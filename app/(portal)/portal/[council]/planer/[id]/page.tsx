import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getViewer } from "@/lib/authz/viewer";
import { getAdoptionDecisions, getPlanPage } from "@/lib/plans/queries";
import { PLAN_STATUS_LABELS, titleForYear } from "@/lib/plans/schemas";
import { formatCalendarDate, osloDateString } from "@/lib/format/dates";
import { PlanDocumentView } from "@/components/plans/plan-document";
import { AdoptPlanForm, CopyPlanForm, StartRevisionForm } from "./plan-actions";

type Props = { params: Promise<{ council: string; id: string }>; searchParams: Promise<{ kopiert?: string }> };

// One load per request, shared by the metadata and the page.
const loadPlan = cache(async (slug: string, id: string) => getPlanPage(await getViewer(), slug, id));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { council, id } = await params;
  const page = await loadPlan(council, id);
  return { title: page?.doc.title ?? "Fant ikke planen" };
}

export default async function PlanPage({ params, searchParams }: Props) {
  const { council: slug, id } = await params;
  const { kopiert } = await searchParams;
  const viewer = await getViewer();
  const page = await loadPlan(slug, id);
  if (!page) notFound();
  const { plan, doc, versions, scope } = page;
  const manage = scope.manage;
  const editable = plan.status === "DRAFT" || plan.revisionOpen;
  const decisions = manage && editable ? await getAdoptionDecisions(viewer, slug) : [];
  const years = Array.from({ length: plan.periodTo - plan.periodFrom + 1 }, (_, i) => plan.periodFrom + i);
  const base = `/portal/${slug}/planer/${plan.id}`;
  return (
    <>
      <nav aria-label="Brødsmuler" className="mb-4 text-sm">
        <Link className="underline text-brand-700" href={`/portal/${slug}/planer`}>
          Planer
        </Link>{" "}
        › {doc.title}
      </nav>
      {kopiert && (
        <p role="status" className="mb-4 rounded border border-green-700 bg-green-50 p-3 text-green-900">
          Planen er kopiert. Tiltak som ikke var ferdige, er videreført.
        </p>
      )}
      <div className="mb-4 flex flex-wrap gap-x-4 gap-y-2 text-sm">
        <span>
          Status: <strong>{PLAN_STATUS_LABELS[plan.status]}</strong>
          {plan.revisionOpen && " – revisjon pågår (medlemmene ser siste vedtatte versjon)"}
        </span>
        <a className="underline text-brand-700" href={`/dokumenter/${slug}/planer/${plan.id}/plan.pdf`}>
          Last ned PDF
        </a>
        {manage && editable && (
          <Link className="underline text-brand-700" href={`${base}/rediger`}>
            Rediger planen
          </Link>
        )}
        {years.map((y) => (
          <Link key={y} className="underline text-brand-700" href={`${base}/rapport/${y}`}>
            Årsrapport {y}
          </Link>
        ))}
      </div>
      {plan.adoptionLinks && (
        <p className="mb-4 text-sm">
          Vedtaket:{" "}
          {plan.adoptionLinks.caseId && (
            <>
              <Link className="underline text-brand-700" href={`/portal/${slug}/saker/${plan.adoptionLinks.caseId}`}>
                saken
              </Link>{" "}
              ·{" "}
            </>
          )}
          <Link className="underline text-brand-700" href={`/portal/${slug}/moter/${plan.adoptionLinks.meetingId}`}>
            møtet
          </Link>
        </p>
      )}
      {plan.copiedFrom && (
        <p className="mb-2 text-sm">
          Kopiert fra{" "}
          <Link className="underline text-brand-700" href={`/portal/${slug}/planer/${plan.copiedFrom.id}`}>
            {plan.copiedFrom.title}
          </Link>
          .
        </p>
      )}
      <PlanLinks slug={slug} label="Videreført i" plans={plan.copies} />
      <PlanLinks slug={slug} label="Handlingsplaner:" plans={plan.actionPlans} />

      <PlanDocumentView doc={doc} measureHref={(mid) => `/portal/${slug}/planer/tiltak/${mid}`} />

      {versions.length > 0 && (
        <section aria-labelledby="versjoner" className="mt-6">
          <h2 id="versjoner" className="text-2xl font-semibold mb-2">
            Vedtatte versjoner
          </h2>
          <ol className="space-y-2">
            {versions.map((v) => (
              <li key={v.number} className="rounded border border-slate-200 bg-white p-3 text-sm">
                <Link className="underline text-brand-700 font-semibold" href={`${base}/versjoner/${v.number}`}>
                  Versjon {v.number}
                </Link>{" "}
                vedtatt {formatCalendarDate(v.adoptedAt)}
                {v.decision && <> – {v.decision.label}</>}
                {v.changeNote && <> · {v.changeNote}</>}
                <br />
                <span className="text-slate-700 break-all">SHA-256: {v.sha256}</span>
              </li>
            ))}
          </ol>
        </section>
      )}

      {manage && (
        <div className="mt-6 grid gap-4 md:grid-cols-2">
          {editable ? (
            <AdoptPlanForm planId={plan.id} version={plan.version} decisions={decisions} today={osloDateString()} />
          ) : (
            <StartRevisionForm planId={plan.id} version={plan.version} />
          )}
          <CopyPlanForm planId={plan.id} title={titleForYear(plan.title, plan.periodTo, plan.periodTo + 1)} year={plan.periodTo + 1} />
        </div>
      )}
    </>
  );
}

function PlanLinks({ slug, label, plans }: { slug: string; label: string; plans: { id: string; title: string }[] }) {
  if (plans.length === 0) return null;
  return (
    <p className="mb-2 text-sm">
      {label}{" "}
      {plans.map((c, i) => (
        <span key={c.id}>
          {i > 0 && ", "}
          <Link className="underline text-brand-700" href={`/portal/${slug}/planer/${c.id}`}>
            {c.title}
          </Link>
        </span>
      ))}
    </p>
  );
}
