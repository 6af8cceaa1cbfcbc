import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCouncilAbout } from "@/lib/councils/queries";
import { listPublicPlans } from "@/lib/plans/queries";
import { PLAN_KIND_LABELS, type PlanKind } from "@/lib/plans/schemas";
import { periodLabel } from "@/lib/plans/document";
import { formatCalendarDate } from "@/lib/format/dates";

type Props = { params: Promise<{ council: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { council } = await params;
  const c = await getCouncilAbout(council);
  return c ? { title: `Planer – ${c.name}`, description: `Vedtatte strategier og handlingsplaner for ${c.name}.`, alternates: { canonical: `/r/${c.slug}/planer` } } : { title: "Fant ikke siden" };
}

export default async function PublicPlansPage({ params }: Props) {
  const { council: slug } = await params;
  const council = await getCouncilAbout(slug);
  if (!council) notFound();
  const plans = await listPublicPlans(council.id);
  return (
    <>
      <h1 className="text-3xl font-semibold mb-1">Strategi og handlingsplaner</h1>
      <p className="mb-6 text-slate-700">{council.name} – vedtatte planer</p>
      {plans.length === 0 && <p>Ingen vedtatte planer ennå.</p>}
      <ul className="space-y-3">
        {plans.map((p) => (
          <li key={p.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <Link className="font-semibold underline text-brand-700" href={`/r/${slug}/planer/${p.id}`}>
              {p.title}
            </Link>
            <p className="text-sm text-slate-700">
              {PLAN_KIND_LABELS[p.kind as PlanKind]} {periodLabel(p)} · vedtatt {formatCalendarDate(p.latest.adoptedAt)} · versjon {p.latest.number}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
