import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getViewer } from "@/lib/authz/viewer";
import { getItemEditor } from "@/lib/meetings/queries";
import { formatDate } from "@/lib/format/dates";
import { AttachmentControls, AttachmentForm, ForwardCaseForm, ItemForm, ReferenceForm } from "./item-forms";

type Props = { params: Promise<{ council: string; id: string; itemId: string }>; searchParams: Promise<{ slettet?: string }> };

// One load per request, shared by the metadata and the page.
const loadItem = cache(async (slug: string, id: string, itemId: string) => {
  const item = await getItemEditor(await getViewer(), slug, itemId);
  return item && item.meeting.id === id ? item : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { council, id, itemId } = await params;
  const item = await loadItem(council, id, itemId);
  return { title: item ? `Rediger ${item.numberLabel ? `${item.numberLabel} ` : ""}${item.title}` : "Fant ikke saken" };
}

export default async function ItemEditorPage({ params, searchParams }: Props) {
  const { council: slug, id, itemId } = await params;
  // A deleted file's row is gone with its form, so its message comes from the query string.
  const { slettet } = await searchParams;
  const item = await loadItem(slug, id, itemId);
  if (!item) notFound();
  return (
    <>
      <nav aria-label="Brødsmuler" className="mb-4 text-sm flex flex-wrap gap-x-4">
        <Link className="underline text-brand-700" href={`/portal/${slug}/moter/${id}/rediger`}>
          Sakskart {item.meeting.body.name} {formatDate(item.meeting.startsAt)}
        </Link>
        {item.case && (
          <Link className="underline text-brand-700" href={`/portal/${slug}/saker/${item.case.id}`}>
            Saksgang
          </Link>
        )}
      </nav>
      <h1 className="text-3xl font-semibold mb-6">
        {item.numberLabel ? `${item.numberLabel} ` : ""}
        {item.title}
      </h1>
      {item.meeting.status === "MINUTES_APPROVED" && (
        <p className="mb-4 rounded border border-slate-400 bg-slate-100 p-3">
          Referatet fra møtet er godkjent og låst. Tittel, type og lukket møte kan ikke endres her lenger; en feil rettes med en rettelse på{" "}
          <Link className="underline text-brand-700" href={`/portal/${slug}/moter/${id}/referat`}>referatsiden</Link>.
        </p>
      )}
      <ItemForm
        item={{
          itemId: item.id,
          itemVersion: String(item.version),
          caseVersion: item.case ? String(item.case.version) : "",
          title: item.title,
          type: item.type,
          presenter: item.presenter ?? "",
          noticeText: item.noticeText,
          background: item.case?.background ?? "",
          proposedDecision: item.case?.proposedDecision ?? "",
          isExempt: item.case?.isExempt ? "on" : "",
          exemptionBasis: item.case?.exemptionBasis ?? "",
          isClosed: item.isClosed ? "on" : "",
          closedBasis: item.closedBasis ?? "",
        }}
        hasCase={!!item.case}
      />
      {item.case && (
        <div className="mt-10 grid gap-10 lg:grid-cols-2">
          <section aria-labelledby="vedlegg">
            <h2 id="vedlegg" className="text-xl font-semibold mb-3">Vedlegg</h2>
            {slettet && (
              <p role="status" className="mb-3 rounded border border-green-700 bg-green-50 p-3 text-green-900">
                «{slettet.slice(0, 200)}» er slettet.
              </p>
            )}
            {item.case.attachments.length === 0 ? (
              <p className="mb-3">Ingen vedlegg.</p>
            ) : (
              <ul className="mb-3 list-disc pl-6">
                {item.case.attachments.map((a) => (
                  <li key={a.id}>
                    <a className="underline text-brand-700" href={`/filer/${a.id}`}>{a.fileName}</a> ({Math.max(1, Math.round(a.sizeBytes / 1024))} kB)
                    {a.isExempt && <> · unntatt offentlighet{a.exemptionBasis ? ` (${a.exemptionBasis})` : ", hjemmel mangler"}</>}
                    <AttachmentControls itemId={item.id} attachment={a} canDelete={!item.attachmentsSent} />
                  </li>
                ))}
              </ul>
            )}
            <AttachmentForm itemId={item.id} />
          </section>
          <section aria-labelledby="henvisninger">
            <h2 id="henvisninger" className="text-xl font-semibold mb-3">Henvisninger til tidligere saker</h2>
            {item.case.referencesTo.length > 0 && (
              <ul className="mb-3 list-disc pl-6">
                {item.case.referencesTo.map((r) => (
                  <li key={r.id}>
                    {r.toCaseId ? <Link className="underline text-brand-700" href={`/portal/${slug}/saker/${r.toCaseId}`}>{r.label}</Link> : r.label}
                  </li>
                ))}
              </ul>
            )}
            <ReferenceForm itemId={item.id} />
          </section>
          <section aria-labelledby="videre">
            <h2 id="videre" className="text-xl font-semibold mb-3">Send saken videre</h2>
            {item.forwardTargets.length === 0 ? (
              <p>Ingen senere møter er planlagt.</p>
            ) : (
              <ForwardCaseForm caseId={item.case.id} targets={item.forwardTargets.map((t) => ({ value: t.id, label: `${t.body.name} ${formatDate(t.startsAt)}` }))} />
            )}
          </section>
        </div>
      )}
    </>
  );
}
