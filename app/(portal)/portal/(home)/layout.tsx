import { PortalShell } from "@/components/layout/portal-shell";

export default function PortalHomeLayout({ children }: { children: React.ReactNode }) {
  return <PortalShell>{children}</PortalShell>;
}
