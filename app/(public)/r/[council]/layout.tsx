import { notFound } from "next/navigation";
import { getCouncilAbout } from "@/lib/councils/queries";
import { PublicCouncilNav } from "@/components/councils/public-council-nav";

export default async function PublicCouncilLayout({ children, params }: { children: React.ReactNode; params: Promise<{ council: string }> }) {
  const { council: slug } = await params;
  const council = await getCouncilAbout(slug);
  if (!council) notFound();
  return (
    <>
      <PublicCouncilNav slug={council.slug} name={council.name} />
      {children}
    </>
  );
}
