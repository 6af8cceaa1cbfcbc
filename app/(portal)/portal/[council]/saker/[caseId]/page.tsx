import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getViewer } from "@/lib/authz/viewer";
import { can } from "@/lib/authz/policy";
import { getCouncilForViewer } from "@/lib/councils/queries";
import { getCaseView } from "@/lib/cases/queries";
import { getCasePlanTags, getTagChoices } from "@/lib/plans/queries";
import { CaseDocument } from "@/components/cases/case-document";
import { AddTagForm, TagList } from "./plan-tags";

type Props = { params: Promise<{ council: string; caseId: string }> };

// One load per request, shared by the metadata and the page.
const loadCase = cache(async (slug: string, caseId: string) => {
  const viewer = await getViewer();
  const council = await getCouncilForViewer(viewer, slug);
  const c = council ? await getCaseView(viewer, slug, caseId) : null;
  return council && c ? { viewer, council, c } : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { council, caseId } = await params;
  return { title: (await loadCase(council, caseId))?.c.title ?? "Fant ikke saken" };
}

export default async function PortalCasePage({ params }: Props) {
  const { council: slug, caseId } = await params;
  const page = await loadCase(slug, caseId);
  if (!page) notFound();
  const { viewer, council, c } = page;
  const [tags, choices] = await Promise.all([getCasePlanTags(viewer, council.id, caseId), getTagChoices(viewer, council.id)]);
  const manage = can(viewer, "plan.manage", council.id);
  return (
    <>
      <CaseDocument c={c} meetingHref={(id) => `/portal/${slug}/moter/${id}`} caseHref={(id) => `/portal/${slug}/saker/${id}`} />
      {tags && (
        <section aria-labelledby="plankobling" className="mt-8 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="plankobling" className="text-2xl font-semibold mb-2">
            Strategi og handlingsplan
          </h2>
          <h3 className="font-semibold">Saken</h3>
          <TagList slug={slug} target="case" tags={tags.caseTags} canManage={manage} />
          {manage && <AddTagForm target="case" targetId={caseId} groups={choices} label="Koble saken til" />}
          {tags.decisions.map((d) => (
            <div key={d.decisionId} className="mt-4">
              <h3 className="font-semibold">Vedtaket: {d.label}</h3>
              <TagList slug={slug} target="decision" tags={d.tags} canManage={manage} />
              {manage && <AddTagForm target="decision" targetId={d.decisionId} groups={choices} label={`Koble vedtaket (${d.label}) til`} />}
            </div>
          ))}
        </section>
      )}
    </>
  );
}
