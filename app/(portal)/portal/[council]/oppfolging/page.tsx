import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getViewer } from "@/lib/authz/viewer";
import { getCouncilForViewer } from "@/lib/councils/queries";
import { listActionItemsForCouncil } from "@/lib/follow-up/queries";
import { ActionItemList } from "@/components/follow-up/action-item-list";

type Props = { params: Promise<{ council: string }> };

export const metadata: Metadata = { title: "Oppfølging" };

export default async function FollowUpPage({ params }: Props) {
  const { council: slug } = await params;
  const viewer = await getViewer();
  const council = await getCouncilForViewer(viewer, slug);
  if (!council) notFound();
  const items = await listActionItemsForCouncil(viewer, council.id);
  return (
    <>
      <h1 className="text-3xl font-semibold mb-1">Oppfølging av vedtak</h1>
      <p className="mb-6 text-slate-700">{council.name}</p>
      <ActionItemList items={items} />
    </>
  );
}
