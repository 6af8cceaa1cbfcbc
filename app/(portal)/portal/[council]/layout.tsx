import { PortalShell } from "@/components/layout/portal-shell";

export default async function CouncilLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ council: string }>;
}) {
  const { council } = await params;
  return <PortalShell councilSlug={council}>{children}</PortalShell>;
}
