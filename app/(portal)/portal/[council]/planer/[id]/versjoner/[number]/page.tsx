import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getViewer } from "@/lib/authz/viewer";
import { getPlanVersion } from "@/lib/plans/queries";
import { formatCalendarDate } from "@/lib/format/dates";
import { PlanDocumentView } from "@/components/plans/plan-document";

type Props = { params: Promise<{ council: string; id: string; number: string }> };

export const metadata: Metadata = { title: "Vedtatt versjon" };

export default async function PlanVersionPage({ params }: Props) {
  const { council: slug, id, number } = await params;
  const n = Number(number);
  if (!Number.isInteger(n) || n < 1) notFound();
  const v = await getPlanVersion(await getViewer(), slug, id, n);
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
