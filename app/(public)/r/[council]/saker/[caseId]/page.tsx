import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getCaseView } from "@/lib/cases/queries";
import { CaseDocument } from "@/components/cases/case-document";

type Props = { params: Promise<{ council: string; caseId: string }> };

// One load per request, shared by the metadata and the page.
const loadPublicCase = cache((council: string, caseId: string) => getCaseView(null, council, caseId));

// Always the public version, also for signed-in users: the saksgang of published meetings, and
// decisions only from published minutes. Exempt cases show title and legal basis.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { council, caseId } = await params;
  const c = await loadPublicCase(council, caseId);
  return c ? { title: c.title, description: `Saksgang og vedtak: ${c.title} (${c.council.name}).`, alternates: { canonical: `/r/${council}/saker/${caseId}` } } : { title: "Fant ikke saken" };
}

export default async function PublicCasePage({ params }: Props) {
  const { council, caseId } = await params;
  const c = await loadPublicCase(council, caseId);
  if (!c) notFound();
  return <CaseDocument c={c} meetingHref={(id) => `/r/${council}/moter/${id}`} caseHref={(id) => `/r/${council}/saker/${id}`} />;
}
