import { redirect } from "next/navigation";
import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { getViewer } from "@/lib/authz/viewer";
import { can, ROLE_LABELS } from "@/lib/authz/policy";
import { listUpcomingMeetingsForViewer } from "@/lib/meetings/queries";
import { listMyOpenActionItems, listOpenActionItemsForCouncil } from "@/lib/follow-up/queries";
import { MeetingList } from "@/components/meetings/meeting-list";
import { ActionItemList } from "@/components/follow-up/action-item-list";

export const metadata: Metadata = { title: "Min oversikt" };

export default async function PortalStartPage() {
  const viewer = await getViewer();
  // The layout redirects too, but a page renders alongside it (and again right after sign-out).
  if (!viewer) redirect("/logg-inn");
  const [meetings, mine] = await Promise.all([listUpcomingMeetingsForViewer(viewer), listMyOpenActionItems(viewer)]);
  // Coordinators and the secretariat follow up the whole council, not only their own tasks.
  const followUpCouncils = viewer.councils.filter((c) => can(viewer, "action.update", c.councilId));
  const councilItems = await Promise.all(
    followUpCouncils.map(async (c) => ({ council: c, items: await listOpenActionItemsForCouncil(viewer, c.councilId, 10) })),
  );

  return (
    <>
      <h1 className="text-3xl font-semibold mb-1">Min oversikt</h1>
      <p className="mb-6 text-slate-700">
        Innlogget som {viewer.name}
        {viewer.councils.length > 0 &&
          ` – ${viewer.councils.map((c) => `${ROLE_LABELS[c.role].toLowerCase()} i ${c.name}`).join(", ")}`}
      </p>

      <section aria-labelledby="mine-moter" className="mb-8">
        <h2 id="mine-moter" className="text-xl font-semibold mb-2">Kommende møter</h2>
        <MeetingList meetings={meetings} empty="Ingen kommende møter." />
      </section>

      <section aria-labelledby="mine-oppgaver" className="mb-8">
        <h2 id="mine-oppgaver" className="text-xl font-semibold mb-2">Mine oppgaver</h2>
        <ActionItemList items={mine} showCouncil={viewer.councils.length > 1} />
        <p className="mt-2 flex flex-wrap gap-x-4">
          <IntentLink className="underline text-brand-700" href="/portal/oppfolging?mine=1">
            Alle mine oppgaver
          </IntentLink>
          <IntentLink className="underline text-brand-700" href="/portal/innstillinger">
            Påminnelser om frister
          </IntentLink>
        </p>
      </section>

      {councilItems.map(({ council, items }) => (
        <section key={council.councilId} aria-labelledby={`oppf-${council.slug}`} className="mb-8">
          <h2 id={`oppf-${council.slug}`} className="text-xl font-semibold mb-2">
            Åpne oppgaver i {council.name}
          </h2>
          <ActionItemList items={items} />
          <p className="mt-2">
            <IntentLink className="underline text-brand-700" href={`/portal/oppfolging?rad=${council.slug}`}>
              All oppfølging i {council.name}
            </IntentLink>
          </p>
        </section>
      ))}

      {viewer.councils.length > 0 && (
        <section aria-labelledby="rad" className="mb-8">
          <h2 id="rad" className="text-xl font-semibold mb-2">Mine råd</h2>
          <ul className="list-disc pl-6">
            {viewer.councils.map((c) => (
              <li key={c.councilId}>
                <IntentLink className="underline text-brand-700" href={`/portal/${c.slug}`}>
                  {c.name}
                </IntentLink>{" "}
                ({ROLE_LABELS[c.role].toLowerCase()})
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
