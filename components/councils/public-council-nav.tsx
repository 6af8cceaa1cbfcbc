import Link from "next/link";

// The public sections of one council, on every public council page.
export function PublicCouncilNav({ slug, name }: { slug: string; name: string }) {
  const links = [
    { href: `/r/${slug}`, label: "Om rådet" },
    { href: `/r/${slug}/moter`, label: "Møter" },
    { href: `/r/${slug}/referater`, label: "Referatarkiv" },
    { href: `/r/${slug}/planer`, label: "Planer" },
    { href: `/sok?rad=${slug}`, label: "Søk" },
  ];
  return (
    <nav aria-label={`Sider for ${name}`} className="mb-6 border-b border-slate-200 pb-3">
      <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
        {links.map((l) => (
          <li key={l.href}>
            <Link className="underline text-brand-700" href={l.href}>
              {l.label}
            </Link>
          </li>
        ))}
        <li>
          <a className="underline text-brand-700" href={`/r/${slug}/feed.xml`}>
            Nyhetsstrøm (Atom)
          </a>
        </li>
        <li>
          <a className="underline text-brand-700" href={`/kalender/${slug}`}>
            Kalender (ICS)
          </a>
        </li>
      </ul>
    </nav>
  );
}
