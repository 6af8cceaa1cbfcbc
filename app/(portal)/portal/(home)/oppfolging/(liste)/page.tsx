import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/authz/viewer";
import { countActionItems, getActionFilterOptions, listActionItems, PAGE_SIZE, RESPONSIBLE_SORT_LIMIT, type ActionOverviewRow } from "@/lib/follow-up/queries";
import { Pagination } from "@/components/ui/pagination";
import { ACTION_STATUS_LABELS, ACTION_STATUSES, filterQuery, parseActionFilter, type ActionFilter, type SortKey } from "@/lib/follow-up/schemas";
import { formatCalendarDate, formatDate } from "@/lib/format/dates";
import { SelectField } from "@/components/ui/fields";
import { TextField } from "@/components/ui/text-field";
import { DueBadge } from "@/components/follow-up/due-badge";
import { ActionTable, type ActionTableColumn, type ActionTableRow } from "./action-table";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Oppfølging av vedtak" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: "tittel", label: "Oppfølgingspunkt" },
  { key: "status", label: "Status" },
  { key: "ansvarlig", label: "Ansvarlig" },
  { key: "frist", label: "Frist" },
  { key: "organ", label: "Fra" },
];

const link = "link";

export default async function FollowUpOverviewPage({ searchParams }: Props) {
  const viewer = await getViewer();
  if (!viewer) redirect("/logg-inn");
  const filter = parseActionFilter(await searchParams);
  // The list view pages; the board and the print view show the first OVERVIEW_LIMIT rows at once.
  const paged = filter.visning === "liste";
  const now = new Date();
  const [{ rows, truncated }, counts, options] = await Promise.all([
    paged ? listActionItems(viewer, filter, now, PAGE_SIZE, (filter.side - 1) * PAGE_SIZE) : listActionItems(viewer, filter, now),
    countActionItems(viewer, filter, now),
    getActionFilterOptions(viewer, filter),
  ]);
  const { total, overdue, soon } = counts;
  // Sorted by responsibility, the list orders the first RESPONSIBLE_SORT_LIMIT by due date only: no pages past them.
  const sortCapped = paged && filter.sort === "ansvarlig" && total > RESPONSIBLE_SORT_LIMIT;
  const pageCount = Math.max(1, Math.ceil((sortCapped ? RESPONSIBLE_SORT_LIMIT : total) / PAGE_SIZE));
  const showCouncil = (options?.councils.length ?? 0) > 1;
  const heading = filter.mine ? "Mine oppgaver" : "Oppfølging av vedtak";

  if (filter.visning === "utskrift") {
    return (
      <>
        <h1 className="text-2xl font-semibold mb-1">{heading}</h1>
        <p className="mb-1">Utskrift {formatDate(new Date())}. {describeFilter(filter, options)}</p>
        <p className="mb-4 no-print">
          <IntentLink className={link} href={`/portal/oppfolging${filterQuery(filter, { visning: undefined })}`}>
            Tilbake til oversikten
          </IntentLink>{" "}
          · Skriv ut med nettleserens utskriftsfunksjon (Ctrl+P).
        </p>
        <PrintTable rows={rows} showCouncil={showCouncil} />
      </>
    );
  }

  return (
    <>
      <h1 className="text-3xl font-semibold mb-4">{heading}</h1>
      <nav aria-label="Utvalg" className="mb-4 flex flex-wrap gap-4">
        <IntentLink className={link} aria-current={!filter.mine ? "page" : undefined} href={`/portal/oppfolging${filterQuery(filter, { mine: undefined })}`}>
          Alle oppgaver
        </IntentLink>
        <IntentLink className={link} aria-current={filter.mine ? "page" : undefined} href={`/portal/oppfolging${filterQuery(filter, { mine: "1" })}`}>
          Mine oppgaver
        </IntentLink>
      </nav>

      {options && (
        <form method="get" action="/portal/oppfolging" className="mb-6 rounded-lg border border-slate-200 bg-white p-4" aria-label="Filtrer oppgavene">
          {filter.mine && <input type="hidden" name="mine" value="1" />}
          <input type="hidden" name="sort" value={filter.sort} />
          <input type="hidden" name="retning" value={filter.retning} />
          <input type="hidden" name="visning" value={filter.visning} />
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            <TextField label="Søk i titler" name="q" type="search" defaultValue={filter.q ?? ""} />
            <SelectField
              label="Status"
              name="status"
              defaultValue={filter.status}
              options={[{ value: "aktive", label: "Åpne og under arbeid" }, { value: "alle", label: "Alle" }, ...ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))]}
            />
            <SelectField
              label="Frist"
              name="frist"
              defaultValue={filter.frist}
              options={[{ value: "", label: "Alle frister" }, { value: "forfalt", label: "Forfalt" }, { value: "snart", label: "Frist snart (14 dager)" }, { value: "uten", label: "Uten frist" }]}
            />
            {showCouncil && <SelectField label="Råd" name="rad" defaultValue={filter.rad ?? ""} options={[{ value: "", label: "Alle mine råd" }, ...options.councils]} />}
            <SelectField label="Ansvarlig person" name="ansvarlig" defaultValue={filter.ansvarlig ?? ""} options={[{ value: "", label: "Alle" }, ...options.people]} />
            <SelectField label="Organ" name="organ" defaultValue={filter.organ ?? ""} options={[{ value: "", label: "Alle organer" }, ...options.bodies]} />
            <SelectField label="Kommune / organisasjon" name="kommune" defaultValue={filter.kommune ?? ""} options={[{ value: "", label: "Alle" }, ...options.organizations]} />
            <SelectField label="Fokusområde" name="fokus" defaultValue={filter.fokus ?? ""} options={[{ value: "", label: "Alle" }, ...options.focusAreas]} />
            <SelectField label="Tiltak" name="tiltak" defaultValue={filter.tiltak ?? ""} options={[{ value: "", label: "Alle" }, ...options.measures]} />
          </div>
          <div className="mt-3 flex flex-wrap items-center gap-4">
            <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
              Filtrer
            </button>
            <IntentLink className={link} href={`/portal/oppfolging${filter.mine ? "?mine=1" : ""}`}>
              Nullstill filtrene
            </IntentLink>
          </div>
        </form>
      )}

      <div className="mb-3 flex flex-wrap items-center gap-x-6 gap-y-2">
        <p role="status">
          {total} {total === 1 ? "oppgave" : "oppgaver"}
          {overdue > 0 && `, ${overdue} forfalt`}
          {soon > 0 && `, ${soon} med frist snart`}
          {!paged && truncated && " (bare de første vises – snevre inn filteret)"}
          {sortCapped && ` (sortert etter ansvarlig vises de ${RESPONSIBLE_SORT_LIMIT.toLocaleString("nb-NO")} med først frist – snevre inn filteret for å se resten)`}
        </p>
        <nav aria-label="Visning" className="flex flex-wrap gap-4">
          <IntentLink className={link} aria-current={filter.visning === "liste" ? "page" : undefined} href={`/portal/oppfolging${filterQuery(filter, { visning: "liste" })}`}>
            Liste
          </IntentLink>
          <IntentLink className={link} aria-current={filter.visning === "tavle" ? "page" : undefined} href={`/portal/oppfolging${filterQuery(filter, { visning: "tavle" })}`}>
            Tavle
          </IntentLink>
          <a className={link} href={`/portal/oppfolging/eksport.csv${filterQuery(filter, { visning: undefined })}`}>
            Last ned som CSV (Excel)
          </a>
          <IntentLink className={link} href={`/portal/oppfolging${filterQuery(filter, { visning: "utskrift" })}`}>
            Utskriftsvisning
          </IntentLink>
        </nav>
      </div>

      {rows.length === 0 ? (
        <p>Ingen oppgaver passer filteret.</p>
      ) : filter.visning === "tavle" ? (
        <Board rows={rows} showCouncil={showCouncil} />
      ) : (
        <>
          <ListTable rows={rows} filter={filter} showCouncil={showCouncil} />
          <Pagination page={Math.min(filter.side, pageCount)} pageCount={pageCount} href={(n) => `/portal/oppfolging${filterQuery(filter, { side: String(n) })}`} label="Sider i oppgavelisten" />
        </>
      )}
    </>
  );
}

function origin(r: ActionOverviewRow): string {
  return [r.caseLabel, r.bodyAbbreviation ?? r.bodyName, r.meetingDate ? formatDate(r.meetingDate) : null].filter(Boolean).join(", ");
}

function ListTable({ rows, filter, showCouncil }: { rows: ActionOverviewRow[]; filter: ActionFilter; showCouncil: boolean }) {
  const columns: ActionTableColumn[] = COLUMNS.map((c) => {
    const active = filter.sort === c.key;
    return {
      key: c.key,
      label: c.label,
      href: `/portal/oppfolging${filterQuery(filter, { sort: c.key, retning: active && filter.retning === "asc" ? "desc" : "asc" })}`,
      nowrap: c.key === "status" || c.key === "frist",
      sort: active ? (filter.retning === "asc" ? "ascending" : "descending") : null,
    };
  });
  const data: ActionTableRow[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    councilName: showCouncil ? r.councilName : null,
    measureTitle: r.measureTitle,
    status: ACTION_STATUS_LABELS[r.status],
    responsible: r.responsible,
    due: r.dueDate ? formatCalendarDate(r.dueDate) : "–",
    dueState: r.dueState,
    origin: origin(r),
  }));
  return <ActionTable columns={columns} rows={data} />;
}

function Board({ rows, showCouncil }: { rows: ActionOverviewRow[]; showCouncil: boolean }) {
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
      {ACTION_STATUSES.map((status) => {
        const col = rows.filter((r) => r.status === status);
        return (
          <section key={status} aria-labelledby={`kol-${status}`} className="rounded-lg border border-slate-200 bg-slate-50 p-3">
            <h2 id={`kol-${status}`} className="mb-2 font-semibold">
              {ACTION_STATUS_LABELS[status]} ({col.length})
            </h2>
            {col.length === 0 ? (
              <p className="text-sm">Ingen.</p>
            ) : (
              <ul className="space-y-2">
                {col.map((r) => (
                  <li key={r.id} className="rounded border border-slate-200 bg-white p-2">
                    <IntentLink className={`${link} font-medium`} href={`/portal/oppfolging/${r.id}`}>
                      {r.title}
                    </IntentLink>
                    <p className="text-sm text-slate-700">
                      {r.responsible || "Ingen ansvarlig"}
                      {r.dueDate && ` · Frist ${formatCalendarDate(r.dueDate)}`}
                      {showCouncil && ` · ${r.councilName}`}
                    </p>
                    <DueBadge state={r.dueState} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

function PrintTable({ rows, showCouncil }: { rows: ActionOverviewRow[]; showCouncil: boolean }) {
  if (rows.length === 0) return <p>Ingen oppgaver passer filteret.</p>;
  return (
    <TableScroll label="Oppgaver">
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b-2 border-slate-700">
            <th scope="col" className="py-1 pr-2">Oppfølgingspunkt</th>
            <th scope="col" className="py-1 pr-2">Status</th>
            <th scope="col" className="py-1 pr-2">Ansvarlig</th>
            <th scope="col" className="py-1 pr-2">Frist</th>
            <th scope="col" className="py-1">Fra</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-300 align-top">
              <td className="py-1 pr-2">
                {r.title}
                {showCouncil && ` (${r.councilName})`}
                {r.outcomeNote && <span className="block">Resultat: {r.outcomeNote}</span>}
              </td>
              <td className="py-1 pr-2">{ACTION_STATUS_LABELS[r.status]}</td>
              <td className="py-1 pr-2">{r.responsible}</td>
              <td className="py-1 pr-2">
                {r.dueDate ? formatCalendarDate(r.dueDate) : ""}
                {r.dueState === "overdue" && " (forfalt)"}
                {r.dueState === "soon" && " (frist snart)"}
              </td>
              <td className="py-1">{origin(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function describeFilter(filter: ActionFilter, options: Awaited<ReturnType<typeof getActionFilterOptions>>): string {
  const parts: string[] = [];
  const find = (list: { value: string; label: string }[] | undefined, v?: string) => list?.find((o) => o.value === v)?.label;
  parts.push(filter.status === "aktive" ? "Åpne og under arbeid" : filter.status === "alle" ? "Alle statuser" : ACTION_STATUS_LABELS[filter.status]);
  if (filter.rad) parts.push(find(options?.councils, filter.rad) ?? filter.rad);
  if (filter.ansvarlig) parts.push(`ansvarlig: ${find(options?.people, filter.ansvarlig) ?? "?"}`);
  if (filter.organ) parts.push(`organ: ${find(options?.bodies, filter.organ) ?? "?"}`);
  if (filter.kommune) parts.push(`kommune: ${find(options?.organizations, filter.kommune) ?? "?"}`);
  if (filter.frist) parts.push(filter.frist === "forfalt" ? "forfalte" : filter.frist === "snart" ? "frist snart" : "uten frist");
  if (filter.q) parts.push(`søk: «${filter.q}»`);
  return `Utvalg: ${parts.join(", ")}.`;
}
