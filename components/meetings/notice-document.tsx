import type { NoticeDocument } from "@/lib/meetings/notice-model";
import { formatDate } from "@/lib/format/dates";
import { Markdown } from "@/components/ui/markdown";
import { FollowUpTable } from "@/components/follow-up/follow-up-table";
import { TableScroll } from "@/components/ui/table-scroll";

// The innkalling on screen and on paper (print stylesheet in globals.css): the same NoticeDocument
// the PDF and the e-mail are made from.
export function NoticeDocumentView({ doc }: { doc: NoticeDocument }) {
  const byOrg = new Map<string, typeof doc.invitees>();
  for (const i of doc.invitees) byOrg.set(i.organization ?? "", [...(byOrg.get(i.organization ?? "") ?? []), i]);
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4 sm:p-8 shadow-sm print:border-0 print:shadow-none">
      <header className="border-b border-slate-200 pb-4 mb-4">
        <p className="text-sm uppercase tracking-wide text-slate-700">{doc.councilName}</p>
        <h1 className="text-2xl font-semibold">Innkalling til møte i {doc.bodyName}</h1>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-medium">Tid</dt>
          <dd>
            <time dateTime={doc.startsAt.toISOString()}>{doc.timeLabel}</time>
          </dd>
          <dt className="font-medium">Sted</dt>
          <dd>
            {doc.location ?? "Ikke fastsatt"}
            {doc.remoteUrl && (
              <>
                {" – digitalt: "}
                <a className="underline text-brand-700 break-all" href={doc.remoteUrl}>{doc.remoteUrl}</a>
              </>
            )}
          </dd>
          {doc.sentAt && (
            <>
              <dt className="font-medium">Sendt</dt>
              <dd>
                {formatDate(doc.sentAt)}
                {doc.version > 1 && ` (versjon ${doc.version})`}
              </dd>
            </>
          )}
        </dl>
        {doc.cancelled && (
          <p className="mt-4 rounded border border-red-700 bg-red-50 p-3 text-red-900">
            <strong>Møtet er avlyst.</strong>
            {doc.cancelled.reason && ` ${doc.cancelled.reason}`}
          </p>
        )}
      </header>

      {doc.invitees.length > 0 && (
        <section aria-labelledby="innkalte" className="mb-6">
          <h2 id="innkalte" className="text-lg font-semibold mb-2">Innkalte</h2>
          <TableScroll label="Innkalte">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-1 pr-3">Organisasjon</th>
                  <th scope="col" className="py-1 pr-3">Navn</th>
                  <th scope="col" className="py-1 pr-3">Rolle</th>
                  <th scope="col" className="py-1">Vara</th>
                </tr>
              </thead>
              <tbody>
                {[...byOrg.entries()].flatMap(([org, people]) =>
                  people.map((p, i) => (
                    <tr key={`${org}-${p.name}`} className="border-b border-slate-100 align-top">
                      <td className="py-1 pr-3">{i === 0 ? org : ""}</td>
                      <td className="py-1 pr-3">{p.name}</td>
                      <td className="py-1 pr-3">{p.role}</td>
                      <td className="py-1">{p.substitutes.join(", ")}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </TableScroll>
        </section>
      )}

      <section aria-labelledby="sakskart" className="mb-6">
        <h2 id="sakskart" className="text-lg font-semibold mb-2">Saksliste</h2>
        <TableScroll label="Saksliste">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1 pr-3">Nr.</th>
                <th scope="col" className="py-1 pr-3">Tittel</th>
                <th scope="col" className="py-1">Type</th>
              </tr>
            </thead>
            <tbody>
              {doc.items.map((item, i) => (
                <tr key={i} className="border-b border-slate-100 align-top">
                  <td className="py-1 pr-3 whitespace-nowrap">{item.numberLabel ?? ""}</td>
                  <td className="py-1 pr-3">
                    {item.title}
                    {item.presenter && ` ${item.presenter}`}
                    {item.redacted && " (unntatt offentlighet)"}
                  </td>
                  <td className="py-1">{item.typeLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="saksframlegg">
        <h2 id="saksframlegg" className="text-lg font-semibold mb-3">Saksframlegg</h2>
        <ol className="space-y-6">
          {doc.items.map((item, i) => (
            <li key={i} className="border-l-4 border-brand-100 pl-4">
              <h3 className="font-semibold">
                {item.numberLabel && <><span className="mr-2">{item.numberLabel}</span>{" "}</>}
                {item.title}
              </h3>
              {item.redacted ? (
                <p className="mt-1 rounded border border-slate-400 bg-slate-100 p-2 text-sm">
                  Unntatt offentlighet{item.exemptionBasis ? ` – ${item.exemptionBasis}` : ""}
                </p>
              ) : (
                <>
                  {item.exemptionBasis && (
                    <p className="mt-1 text-sm font-medium text-amber-900">Unntatt offentlighet – {item.exemptionBasis}</p>
                  )}
                  {item.noticeText && <p className="mt-1">{item.noticeText}</p>}
                  <Markdown className="mt-2">{item.background}</Markdown>
                  {item.proposedDecision?.trim() && (
                    <div className="mt-2">
                      <p className="font-medium">Forslag til vedtak</p>
                      <Markdown>{item.proposedDecision}</Markdown>
                    </div>
                  )}
                  {item.followUp && <FollowUpTable list={item.followUp} />}
                  {item.attachments.length > 0 && (
                    <div className="mt-2 text-sm">
                      <p className="font-medium">Vedlegg</p>
                      <ul className="list-disc pl-6">
                        {item.attachments.map((a, i) => (
                          <li key={a.id ?? i}>
                            {a.id ? (
                              <a className="underline text-brand-700" href={`/filer/${a.id}`}>
                                {a.fileName}
                              </a>
                            ) : (
                              a.fileName
                            )}
                            {a.sizeBytes !== undefined && ` (${Math.max(1, Math.round(a.sizeBytes / 1024))} kB)`}
                          </li>
                        ))}
                      </ul>
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="forfall" className="mt-8">
        <h2 id="forfall" className="text-lg font-semibold mb-1">Forfall</h2>
        <p>{doc.absenceInstructions}</p>
      </section>
    </article>
  );
}
