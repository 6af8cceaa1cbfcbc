import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { councilPageMetadata } from "@/lib/councils/metadata";
import { getViewer } from "@/lib/authz/viewer";
import { getCouncilStructure } from "@/lib/bodies/queries";
import { formatCalendarDate, osloDateString } from "@/lib/format/dates";
import { BodyForm, NewBodyForm } from "./body-forms";
import { AddMemberForm, EndMemberForm } from "./member-forms";

type Props = { params: Promise<{ council: string }>; searchParams: Promise<{ lagret?: string }> };

export const generateMetadata = ({ params }: Props): Promise<Metadata> => councilPageMetadata(params, "Medlemmer og organer");

const day = (iso: string) => formatCalendarDate(new Date(`${iso}T00:00:00Z`));
const STATE_LABEL = { aktiv: "", kommende: " (kommende)", avsluttet: " (avsluttet)" } as const;

// The secretariat keeps who the council is: its member organisations, and the bodies that meet.
export default async function StructurePage({ params, searchParams }: Props) {
  const { council: slug } = await params;
  const { lagret } = await searchParams;
  const structure = await getCouncilStructure(await getViewer(), slug);
  if (!structure) notFound();
  const today = osloDateString();
  const parents = structure.bodies.map((b) => ({ value: b.id, label: b.name }));
  const created = structure.bodies.find((b) => b.id === lagret);
  return (
    <>
      <h1 className="text-3xl font-semibold mb-1">Medlemmer og organer</h1>
      <p className="mb-6 text-slate-700">
        {structure.council.name}. Hvem som sitter i organene, føres under <Link className="underline text-brand-700" href={`/portal/${slug}/personer`}>Personer og verv</Link>.
      </p>
      {created && (
        <p role="status" className="mb-6 rounded border border-green-700 bg-green-50 p-3 text-green-900">{created.name} er opprettet.</p>
      )}
      <section aria-labelledby="medlemmer" className="mb-10">
        <h2 id="medlemmer" className="text-2xl font-semibold mb-3">Medlemmer</h2>
        {structure.members.length === 0 ? (
          <p className="mb-4">Rådet har ingen medlemmer registrert.</p>
        ) : (
          <ul className="mb-6 space-y-3">
            {structure.members.map((m) => (
              <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-3">
                <p className="font-medium">
                  {m.name}
                  {STATE_LABEL[m.state]}
                </p>
                <p className="text-sm text-slate-700">
                  {m.kind}
                  {m.number ? ` ${m.number}` : ""} · fra og med {day(m.validFrom)}
                  {m.validTo ? `, til og med ${day(m.validTo)}` : ", løpende"}
                  {m.note ? ` · ${m.note}` : ""}
                </p>
                {m.state !== "avsluttet" && <EndMemberForm councilSlug={slug} member={m} today={today} />}
              </li>
            ))}
          </ul>
        )}
        <h3 className="text-xl font-semibold mb-2">Nytt medlem</h3>
        <AddMemberForm councilSlug={slug} today={today} />
      </section>
      <section aria-labelledby="organer">
        <h2 id="organer" className="text-2xl font-semibold mb-3">Organer</h2>
        {structure.bodies.map((b) => (
          <section key={b.id} id={`organ-${b.id}`} aria-labelledby={`organ-${b.id}-tittel`} className="mb-8 scroll-mt-4">
            <h3 id={`organ-${b.id}-tittel`} className="text-xl font-semibold">
              {b.name}
              {STATE_LABEL[b.state]}
            </h3>
            <p className="mb-2 text-sm text-slate-700">
              {b.kind} · {b.isPolitical ? "politisk organ (kommuneloven kap. 11)" : "administrativt organ"} · {b.numbering} · {b.meetings === 1 ? "1 møte" : `${b.meetings} møter`}
              {b.isPolitical ? "" : b.publishMinutes ? " · referatene publiseres" : " · referatene publiseres ikke"}
            </p>
            <BodyForm councilSlug={slug} body={b} parents={parents} />
          </section>
        ))}
        <h3 className="text-xl font-semibold mb-2">Nytt organ</h3>
        <p className="mb-2 text-sm text-slate-700">Type, politisk status og saksnummerering kan ikke endres etterpå: møtene og sakene organet får, følger dem.</p>
        <NewBodyForm councilSlug={slug} parents={parents} />
      </section>
    </>
  );
}
