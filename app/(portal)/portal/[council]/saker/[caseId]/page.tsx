import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getViewer } from "@/lib/authz/viewer";
import { getCouncilForViewer } from "@/lib/councils/queries";
import { getCaseView } from "@/lib/cases/queries";
import { CaseDocument } from "@/components/cases/case-document";

export const metadata: Metadata = { title: "Sak" };

type Props = { params: Promise<{ council: string; caseId: string }> };

export default async function PortalCasePage({ params }: Props) {
  const { council: slug, caseId } = await params;
  const viewer = await getViewer();
  const council = await getCouncilForViewer(viewer, slug);
  if (!council) notFound();
  const c = await getCaseView(viewer, slug, caseId);
  if (!c) notFound();
  return <CaseDocument c={c} meetingHref={(id) => `/portal/${slug}/moter/${id}`} caseHref={(id) => `/portal/${slug}/saker/${id}`} />;
}
