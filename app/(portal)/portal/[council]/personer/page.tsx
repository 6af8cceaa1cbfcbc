import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { councilPageMetadata } from "@/lib/councils/metadata";
import { getViewer } from "@/lib/authz/viewer";
import { getPeopleRegister } from "@/lib/people/queries";
import { formatCalendarDate, osloDateString } from "@/lib/format/dates";
import { TableScroll } from "@/components/ui/table-scroll";
import { NewPersonForm } from "./new-person-form";

type Props = { params: Promise<{ council: string }> };

export const generateMetadata = ({ params }: Props): Promise<Metadata> => councilPageMetadata(params, "Personer og verv");

const day = (iso: string) => formatCalendarDate(new Date(`${iso}T00:00:00Z`));

// The secretariat's register: who sits in each body now and who is to come, and whose address a notice cannot reach.
export default async function PeoplePage({ params }: Props) {
  const { council: slug } = await params;
  const register = await getPeopleRegister(await getViewer(), slug);
  if (!register) notFound();
  const { choices } = register;
  return (
    <>
      <h1 className="text-3xl font-semibold mb-1">Personer og verv</h1>
      <p className="mb-6 text-slate-700">{register.council.name}. Innkallinger går til dem som har verv på møtedagen.</p>
      {register.bodies.map((b) => (
        <section key={b.id} aria-labelledby={`organ-${b.id}`} className="mb-8">
          <h2 id={`organ-${b.id}`} className="text-xl font-semibold mb-2">{b.name}</h2>
          {b.members.length === 0 ? (
            <p>Ingen har verv i organet nå.</p>
          ) : (
            <TableScroll label={`Verv i ${b.name}`} className="rounded-lg border border-slate-200 bg-white">
              <table className="w-full text-left text-sm">
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="p-2">Navn</th>
                    <th scope="col" className="p-2">Rolle</th>
                    <th scope="col" className="p-2">Representerer</th>
                    <th scope="col" className="p-2">Periode</th>
                  </tr>
                </thead>
                <tbody>
                  {b.members.map((m) => (
                    <tr key={m.id} className="border-b border-slate-100">
                      <td className="p-2">
                        <Link className="underline text-brand-700" href={`/portal/${slug}/personer/${m.personId}`}>{m.name}</Link>
                        {m.emailProblem && <span className="ml-1 font-semibold text-red-800">({m.emailProblem})</span>}
                      </td>
                      <td className="p-2">{m.role}</td>
                      <td className="p-2">{m.organization ?? "–"}</td>
                      <td className="p-2">
                        {m.from ? `fra ${day(m.from)}` : ""}
                        {m.from && m.to ? " " : ""}
                        {m.to ? `til og med ${day(m.to)}` : m.from ? "" : "løpende"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>
      ))}
      <section aria-labelledby="ny-person">
        <h2 id="ny-person" className="text-xl font-semibold mb-2">Ny person</h2>
        <NewPersonForm councilSlug={slug} bodies={choices.bodies} organizations={choices.organizations} today={osloDateString()} />
      </section>
    </>
  );
}
