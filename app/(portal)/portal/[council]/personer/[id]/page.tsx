import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getViewer } from "@/lib/authz/viewer";
import { getPersonEditor } from "@/lib/people/queries";
import { formatCalendarDate, osloDateString } from "@/lib/format/dates";
import { AddMembershipForm, EndMembershipForm, PersonForm } from "./person-forms";

type Props = { params: Promise<{ council: string; id: string }>; searchParams: Promise<{ lagret?: string }> };

const load = cache(async (slug: string, id: string) => getPersonEditor(await getViewer(), slug, id));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { council, id } = await params;
  const editor = await load(council, id);
  return { title: editor ? `${editor.person.name} – ${editor.council.name}` : "Fant ikke personen" };
}

const day = (iso: string) => formatCalendarDate(new Date(`${iso}T00:00:00Z`));

export default async function PersonPage({ params, searchParams }: Props) {
  const { council: slug, id } = await params;
  const { lagret } = await searchParams;
  const editor = await load(slug, id);
  if (!editor) notFound();
  const { person, memberships, choices } = editor;
  const today = osloDateString();
  return (
    <>
      <nav aria-label="Brødsmuler" className="mb-4 text-sm">
        <Link className="underline text-brand-700" href={`/portal/${slug}/personer`}>Personer og verv</Link>
      </nav>
      <h1 className="text-3xl font-semibold mb-6">{person.name}</h1>
      {lagret === "ny" && (
        <p role="status" className="mb-6 rounded border border-green-700 bg-green-50 p-3 text-green-900">{person.name} er lagt til med vervet nedenfor.</p>
      )}
      <section aria-labelledby="person" className="mb-8">
        <h2 id="person" className="text-xl font-semibold mb-2">Personalia</h2>
        <PersonForm councilSlug={slug} person={person} organizations={choices.organizations} />
      </section>
      <section aria-labelledby="verv" className="mb-8">
        <h2 id="verv" className="text-xl font-semibold mb-2">Verv</h2>
        {memberships.length === 0 ? (
          <p>Ingen verv i rådets organer.</p>
        ) : (
          <ul className="space-y-3">
            {memberships.map((m) => {
              const ended = m.validTo !== null && m.validTo < today;
              return (
                <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-3">
                  <p className="font-medium">
                    {m.role} i {m.body}
                    {m.substituteOrder ? ` (${m.substituteOrder}. vara)` : ""}
                    {m.organization ? ` – for ${m.organization}` : ""}
                  </p>
                  <p className="text-sm text-slate-700">
                    Fra og med {day(m.validFrom)}
                    {m.validTo ? `, til og med ${day(m.validTo)}` : ", løpende"}
                    {ended ? " (avsluttet)" : ""}
                  </p>
                  {!ended && <EndMembershipForm councilSlug={slug} membership={m} label={`${m.role.toLowerCase()} i ${m.body}`} today={m.validTo ?? today} />}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="nytt-verv">
        <h2 id="nytt-verv" className="text-xl font-semibold mb-2">Nytt verv</h2>
        <AddMembershipForm councilSlug={slug} personId={person.id} bodies={choices.bodies} organizations={choices.organizations} today={today} />
      </section>
    </>
  );
}
