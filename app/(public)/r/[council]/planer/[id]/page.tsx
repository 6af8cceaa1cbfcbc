import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getCouncilAbout } from "@/lib/councils/queries";
import { getPublicPlan } from "@/lib/plans/queries";
import { PlanDocumentView } from "@/components/plans/plan-document";

type Props = { params: Promise<{ council: string; id: string }> };

// One load per request, shared by the metadata and the page.
const load = cache(async (slug: string, id: string) => {
  const council = await getCouncilAbout(slug);
  return council ? getPublicPlan(council.id, id) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { council, id } = await params;
  const p = await load(council, id);
  return p ? { title: p.doc.title, description: `${p.doc.kindLabel} for ${p.doc.councilName}, vedtatt versjon ${p.number}.`, alternates: { canonical: `/r/${council}/planer/${id}` } } : { title: "Fant ikke planen" };
}

// The latest adopted version, exactly as adopted; drafts and revisions in progress stay internal.
export default async function PublicPlanPage({ params }: Props) {
  const { council, id } = await params;
  const p = await load(council, id);
  if (!p) notFound();
  return (
    <>
      <p className="mb-4 text-sm">
        <Link className="underline text-brand-700" href={`/r/${council}/planer`}>
          Alle planer
        </Link>{" "}
        ·{" "}
        <a className="underline text-brand-700" href={`/dokumenter/${council}/planer/${id}/plan.pdf`}>
          Last ned PDF
        </a>
      </p>
      <PlanDocumentView doc={p.doc} />
    </>
  );
}
