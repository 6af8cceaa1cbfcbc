import { redirect } from "next/navigation";

type Props = { params: Promise<{ council: string }> };

// Follow-up has one overview across the viewer's councils; the council's link opens it filtered.
export default async function CouncilFollowUpPage({ params }: Props) {
  const { council } = await params;
  redirect(`/portal/oppfolging?rad=${encodeURIComponent(council)}`);
}
