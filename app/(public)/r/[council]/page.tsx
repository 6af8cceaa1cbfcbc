import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BODY_KIND_LABELS, MEMBERSHIP_ROLE_LABELS, getCouncilAbout } from "@/lib/councils/queries";
import { listMeetingsForCouncil } from "@/lib/meetings/queries";
import { formatMeetingTime } from "@/lib/format/dates";
import { Markdown } from "@/components/ui/markdown";

type Props = { params: Promise<{ council: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { council } = await params;
  const c = await getCouncilAbout(council);
  return c
    ? { title: c.name, description: `Medlemmer, organer, møter og referater for ${c.name}.`, alternates: { canonical: `/r/${c.slug}` } }
    : { title: "Fant ikke siden" };
}

export default async function CouncilPublicPage({ params }: Props) {
  const { council: slug } = await params;
  const council = await getCouncilAbout(slug);
  if (!council) notFound();
  const meetings = await listMeetingsForCouncil(null, council.id, { publicOnly: true });
  const now = new Date();
  // A cancelled meeting stays listed, marked: a visitor who saw its notice learns it is off.
  const upcoming = meetings.filter((m) => m.startsAt >= now).reverse();
  const past = meetings.filter((m) => m.startsAt < now);

  return (
    <>
      <h1 className="text-3xl font-semibold mb-1">{council.name}</h1>
      <p className="text-slate-700 mb-6">Interkommunalt politisk råd etter {council.legalBasis}.</p>
      <Markdown className="mb-8 max-w-3xl">{council.purpose}</Markdown>

      <div className="grid gap-8 md:grid-cols-2">
        <section aria-labelledby="kommende">
          <h2 id="kommende" className="text-xl font-semibold mb-2">Kommende møter</h2>
          {upcoming.length === 0 ? (
            <p>Ingen kommende møter med utsendt innkalling.</p>
          ) : (
            <ul className="space-y-2">
              {upcoming.map((m) => (
                <li key={m.id}>
                  <Link className="underline text-brand-700" href={`/r/${council.slug}/moter/${m.id}`}>
                    {m.body.name}
                  </Link>
                  <br />
                  <span className="text-sm">
                    {formatMeetingTime(m.startsAt, m.endsAt)}
                    {m.status === "CANCELLED" && " · avlyst"}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="tidligere">
          <h2 id="tidligere" className="text-xl font-semibold mb-2">Tidligere møter</h2>
          {past.length === 0 ? (
            <p>Ingen publiserte møter ennå.</p>
          ) : (
            <ul className="space-y-2">
              {past.map((m) => (
                <li key={m.id}>
                  <Link className="underline text-brand-700" href={`/r/${council.slug}/moter/${m.id}`}>
                    {m.body.name}
                  </Link>
                  <br />
                  <span className="text-sm">
                    {formatMeetingTime(m.startsAt, m.endsAt)}
                    {m.status === "CANCELLED" && " · avlyst"}
                    {m.minutesPublished ? " · referat publisert" : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section aria-labelledby="medlemmer" className="mt-10">
        <h2 id="medlemmer" className="text-xl font-semibold mb-2">Medlemmer</h2>
        <ul className="grid gap-1 sm:grid-cols-2">
          {council.members.map((m) => (
            <li key={m.organization.id}>
              {m.organization.name}
              {m.organization.municipalityNumber && (
                <span className="text-sm text-slate-700"> (kommunenr. {m.organization.municipalityNumber})</span>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="organer" className="mt-10">
        <h2 id="organer" className="text-xl font-semibold mb-2">Organer</h2>
        <div className="space-y-6">
          {council.bodies.map((b) => (
            <div key={b.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 className="font-semibold">
                {b.name} ({b.abbreviation})
              </h3>
              <p className="text-sm text-slate-700 mb-2">
                {BODY_KIND_LABELS[b.kind]} · {b.isPolitical ? "politisk organ (kommuneloven kap. 11)" : "administrativt organ"}
              </p>
              {b.memberships.length > 0 && (
                <ul className="text-sm space-y-0.5">
                  {b.memberships.map((ms) => (
                    <li key={ms.id}>
                      {ms.person.name}
                      {ms.organization ? `, ${ms.organization.name}` : ""} – {ms.roleLabel ?? MEMBERSHIP_ROLE_LABELS[ms.role]}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </div>
      </section>
    </>
  );
}
