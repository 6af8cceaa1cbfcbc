import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, redirect } from "next/navigation";
import { getViewer } from "@/lib/authz/viewer";
import { getAuditFilterOptions, listAuditEvents, type AuditRow } from "@/lib/audit/queries";
import { AUDIT_PAGE_SIZE, auditQuery, NO_COUNCIL, parseAuditFilter, type AuditFilterField, type AuditFilterForm } from "@/lib/audit/schemas";
import { auditDiff } from "@/lib/audit/diff";
import { formatLogTime, formatUtcTime, isoDateTime } from "@/lib/format/dates";

export const metadata: Metadata = { title: "Revisjonslogg" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const link = "underline text-brand-700";
const inputClass = "w-full rounded border bg-white px-3 py-2";
// Long texts (minutes, plan sections) are cut in the table; the details show them whole.
const MAX_CELL = 400;

function cut(text: string | null): string {
  if (text === null) return "–";
  if (text === "") return "(tom)";
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL)} …` : text;
}

export default async function AuditLogPage({ searchParams }: Props) {
  const viewer = await getViewer();
  if (!viewer) redirect("/logg-inn");
  const parsed = parseAuditFilter(await searchParams);
  const [options, page] = await Promise.all([
    getAuditFilterOptions(viewer),
    parsed.state === "ok" ? listAuditEvents(viewer, parsed.filter) : Promise.resolve(undefined),
  ]);
  if (!options || page === null) forbidden();
  const v = parsed.values;
  const errors: Partial<Record<AuditFilterField, string>> =
    parsed.state === "invalid" ? parsed.errors : page && !page.ok ? { [page.field]: page.message } : {};
  const pageError = errors.eldre ?? errors.nyere;
  const rows = page?.ok ? page.rows : [];

  return (
    <>
      <h1 className="text-3xl font-semibold mb-2">Revisjonslogg</h1>
      <p className="mb-6 max-w-3xl text-slate-800">
        Hvem som har gjort hva i portalen, og hva som ble endret. Nyeste først, {AUDIT_PAGE_SIZE} om gangen. Tider vises i norsk tid og i UTC.
      </p>

      <form method="get" action="/portal/admin/logg" noValidate className="mb-6 rounded-lg border border-slate-200 bg-white p-4" aria-label="Filtrer loggen">
        {Object.keys(errors).length > 0 && (
          <p role="alert" className="mb-3 rounded border border-red-700 bg-red-50 p-3 text-red-900">
            Filteret har feil. Se feltene som er markert.
          </p>
        )}
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <Select
            field="rad"
            label="Råd"
            all="Alle råd"
            options={[...options.councils, ...(options.allCouncils ? [{ value: NO_COUNCIL, label: "Uten råd (innlogging, brukere)" }] : [])]}
            values={v}
            errors={errors}
          />
          <Input field="aktor" label="Hvem" hint="Navn eller e-post" values={v} errors={errors} type="search" />
          <Select field="handling" label="Handling" all="Alle handlinger" options={options.actions.map(plain)} values={v} errors={errors} />
          <Select field="type" label="Type" all="Alle typer" options={options.entityTypes.map(plain)} values={v} errors={errors} />
          <Input field="id" label="ID" hint="ID-en til det som ble endret" values={v} errors={errors} />
          <div className="grid grid-cols-2 gap-3">
            <Input field="fra" label="Fra dato" hint="dd.mm.åååå" values={v} errors={errors} inputMode="numeric" />
            <Input field="til" label="Til dato" hint="dd.mm.åååå" values={v} errors={errors} inputMode="numeric" />
          </div>
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            Filtrer
          </button>
          <Link className={link} href="/portal/admin/logg">
            Nullstill filteret
          </Link>
        </div>
      </form>

      {pageError && (
        <p role="alert" className="mb-4 text-red-800">
          {pageError} <Link className={link} href={`/portal/admin/logg${auditQuery(v)}`}>Gå til nyeste hendelser</Link>
        </p>
      )}
      {page?.ok && (
        <>
          <p role="status" className="mb-3">
            {rows.length === 0 ? "Ingen hendelser passer filteret." : `Viser ${rows.length} ${rows.length === 1 ? "hendelse" : "hendelser"}.`}
          </p>
          <ol className="space-y-3">
            {rows.map((r) => (
              <AuditItem key={r.id} row={r} />
            ))}
          </ol>
          <Pager values={v} newer={page.newer} older={page.older} />
        </>
      )}
    </>
  );
}

type FieldProps = { field: AuditFilterField; label: string; hint?: string; values: AuditFilterForm; errors: Partial<Record<AuditFilterField, string>> };

// Label, hint, the control and its error, tied together by id for screen readers.
function Field({ field, label, hint, values, errors, control }: FieldProps & { control: (props: Record<string, unknown>) => React.ReactNode }) {
  const error = errors[field];
  const describedBy = [hint ? `${field}-hint` : null, error ? `${field}-feil` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={`filter-${field}`} className="block font-medium mb-1">
        {label}
      </label>
      {hint && (
        <p id={`${field}-hint`} className="text-sm text-slate-700 mb-1">
          {hint}
        </p>
      )}
      {control({
        id: `filter-${field}`,
        name: field,
        defaultValue: values[field],
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy,
        className: `${inputClass} ${error ? "border-red-700" : "border-slate-400"}`,
      })}
      {error && (
        <p id={`${field}-feil`} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

function Input({ type, inputMode, ...props }: FieldProps & Pick<React.InputHTMLAttributes<HTMLInputElement>, "type" | "inputMode">) {
  return <Field {...props} control={(p) => <input {...p} type={type} inputMode={inputMode} autoComplete="off" />} />;
}

const plain = (value: string) => ({ value, label: value });

function Select({ all, options, ...props }: FieldProps & { all: string; options: { value: string; label: string }[] }) {
  return (
    <Field
      {...props}
      control={(p) => (
        <select {...p}>
          <option value="">{all}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

// Every value is rendered as React text, never as HTML: stored before/after may hold anything a user typed.
function AuditItem({ row }: { row: AuditRow }) {
  const diff = auditDiff(row.before, row.after);
  const hasData = row.before != null || row.after != null;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4">
      <p className="flex flex-wrap gap-x-4 gap-y-1">
        <span className="font-semibold">
          <code>{row.action}</code>
        </span>
        <span>
          {row.entityType}
          {row.entityId && (
            <>
              {" "}
              <code className="text-sm">{row.entityId}</code>
            </>
          )}
        </span>
        {row.councilName && <span className="text-slate-700">{row.councilName}</span>}
      </p>
      <p className="text-sm text-slate-800">
        {row.actor}
        {row.ip && ` · IP ${row.ip}`} · <time dateTime={isoDateTime(row.at)}>{formatLogTime(row.at)}</time> ({formatUtcTime(row.at)})
      </p>
      {diff.length > 0 && (
        <div className="mt-2">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Endrede felter</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-1 pr-3">Felt</th>
                <th scope="col" className="p-1 pr-3">Før</th>
                <th scope="col" className="p-1">Etter</th>
              </tr>
            </thead>
            <tbody>
              {diff.map((d) => (
                <tr key={d.field} className="border-b border-slate-100 align-top">
                  <th scope="row" className="p-1 pr-3 font-mono font-normal">{d.field}</th>
                  <td className="p-1 pr-3 whitespace-pre-wrap [overflow-wrap:anywhere]">{cut(d.before)}</td>
                  <td className="p-1 whitespace-pre-wrap [overflow-wrap:anywhere]">{cut(d.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hasData && diff.length === 0 && <p className="mt-2 text-sm text-slate-700">Ingen felter ble endret.</p>}
      {hasData && (
        <details className="mt-2">
          <summary className="cursor-pointer text-brand-700 underline">Alle detaljer</summary>
          <div className="mt-2 grid gap-2 md:grid-cols-2">
            <div className="min-w-0">
              <p className="font-medium">Før</p>
              <pre className="whitespace-pre-wrap [overflow-wrap:anywhere] rounded bg-slate-50 p-2 text-xs">{JSON.stringify(row.before ?? null, null, 2)}</pre>
            </div>
            <div className="min-w-0">
              <p className="font-medium">Etter</p>
              <pre className="whitespace-pre-wrap [overflow-wrap:anywhere] rounded bg-slate-50 p-2 text-xs">{JSON.stringify(row.after ?? null, null, 2)}</pre>
            </div>
          </div>
        </details>
      )}
    </li>
  );
}

function Pager({ values, newer, older }: { values: AuditFilterForm; newer: string | null; older: string | null }) {
  if (!newer && !older) return null;
  return (
    <nav aria-label="Sider i loggen" className="mt-4 flex flex-wrap gap-6">
      {newer && (
        <>
          <Link className={link} href={`/portal/admin/logg${auditQuery(values)}`}>
            Nyeste
          </Link>
          <Link className={link} href={`/portal/admin/logg${auditQuery(values, { nyere: newer })}`}>
            ← Nyere
          </Link>
        </>
      )}
      {older && (
        <Link className={link} href={`/portal/admin/logg${auditQuery(values, { eldre: older })}`}>
          Eldre →
        </Link>
      )}
    </nav>
  );
}
