import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getViewer } from "@/lib/authz/viewer";
import { listOutboxForViewer } from "@/lib/outbox/queries";
import { formatDate } from "@/lib/format/dates";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Utboks" };

const STATUS: Record<string, string> = { QUEUED: "I kø", SENT: "Sendt", FAILED: "Feilet" };

export default async function OutboxPage() {
  const rows = await listOutboxForViewer(await getViewer());
  if (!rows) forbidden();
  return (
    <>
      <h1 className="text-3xl font-semibold mb-2">Utboks</h1>
      <p className="mb-6 text-slate-700">
        E-post sendes herfra når SMTP er satt opp (SMTP_URL). Uten SMTP blir meldingene liggende i kø, og ingenting går tapt.
      </p>
      <TableScroll label="Utboks" className="rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">Til</th>
              <th scope="col" className="p-2">Emne</th>
              <th scope="col" className="p-2">Status</th>
              <th scope="col" className="p-2">Forsøk</th>
              <th scope="col" className="p-2">Opprettet</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td className="p-2" colSpan={5}>Utboksen er tom.</td>
              </tr>
            )}
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-100 align-top">
                <td className="p-2">{r.toAddress}</td>
                <td className="p-2">{r.subject}</td>
                <td className="p-2">
                  {STATUS[r.status]}
                  {r.lastError && <span className="block text-red-900">{r.lastError}</span>}
                </td>
                <td className="p-2">{r.attempts}</td>
                <td className="p-2">{formatDate(r.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
