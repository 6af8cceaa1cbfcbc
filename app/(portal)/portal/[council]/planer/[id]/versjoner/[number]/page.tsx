import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getViewer } from "@/lib/authz/viewer";
import { getPlanVersion } from "@/lib/plans/queries";
import { formatCalendarDate } from "@/lib/format/dates";
import { PlanDocumentView } from "@/components/plans/plan-document";

type Props = { params: Promise<{ council: string; id: string; number: string }> };

// One load per request, shared by the metadata and the page.
const loadVersion = cache(async (slug: string, id: string, number: string) => {
  const n = Number(number);
  return Number.isInteger(n) && n >= 1 ? getPlanVersion(await getViewer(), slug, id, n) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { council, id, number } = await params;
  const v = await loadVersion(council, id, number);
  return { title: v ? `${v.doc.title}, versjon ${v.number}` : "Fant ikke versjonen" };
}

export default async function PlanVersionPage({ params }: Props) {
  const { council: slug, id, number } = await params;
  const v = await loadVersion(slug, id, number);
  if (!v) notFound();
  return (
    <>
      <nav aria-label="Brødsmuler" className="mb-4 text-sm">
        <Link className="underline text-brand-700" href={`/portal/${slug}/planer`}>
          Planer
        </Link>{" "}
        ›{" "}
        <Link className="underline text-brand-700" href={`/portal/${slug}/planer/${id}`}>
          {v.doc.title}
        </Link>{" "}
        › Versjon {v.number}
      </nav>
      <p className="mb-4 text-sm">
        Versjon {v.number}, vedtatt {formatCalendarDate(v.adoptedAt)}, slik den ble vedtatt{v.latest ? " (gjeldende versjon)" : ""}. SHA-256: <span className="break-all">{v.sha256}</span> ·{" "}
        <a className="underline text-brand-700" href={`/dokumenter/${slug}/planer/${id}/versjon-${v.number}.pdf`}>
          PDF
        </a>
      </p>
      <PlanDocumentView doc={v.doc} />
    </>
  );
}
