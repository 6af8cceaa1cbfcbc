import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/authz/viewer";
import { SiteHeader } from "@/components/layout/site-header";
import { SiteFooter } from "@/components/layout/site-footer";

import { CURRENT_COUNCIL_COOKIE } from "@/lib/councils/current";

// The signed-in frame. Redirecting here is for convenience; each query checks permissions itself.
export async function PortalShell({ councilSlug, children }: { councilSlug?: string; children: React.ReactNode }) {
  const viewer = await getViewer();
  if (!viewer) redirect("/logg-inn");
  const slug = councilSlug ?? (await cookies()).get(CURRENT_COUNCIL_COOKIE)?.value;
  return (
    <>
      <SiteHeader viewer={viewer} currentCouncilSlug={slug} />
      <main id="hovedinnhold" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
