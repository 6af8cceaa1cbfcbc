import { notFound, redirect } from "next/navigation";
import { PortalShell } from "@/components/layout/portal-shell";
import { getViewer } from "@/lib/authz/viewer";
import { getCouncilForViewer } from "@/lib/councils/queries";

// The council check lives here, above any loading boundary, so a council the user has no role in
// answers a real 404. Pages repeat the check through their own queries.
export default async function CouncilLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ council: string }>;
}) {
  const { council } = await params;
  const viewer = await getViewer();
  if (!viewer) redirect("/logg-inn");
  if (!(await getCouncilForViewer(viewer, council))) notFound();
  return <PortalShell councilSlug={council}>{children}</PortalShell>;
}
