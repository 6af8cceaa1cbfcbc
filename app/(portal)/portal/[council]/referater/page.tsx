import type { Metadata } from "next";
import { councilPageMetadata } from "@/lib/councils/metadata";
import { IntentLink } from "@/components/ui/intent-link";
import { notFound } from "next/navigation";
import { getViewer } from "@/lib/authz/viewer";
import { getCouncilForViewer } from "@/lib/councils/queries";
import { listMinutesForViewer } from "@/lib/minutes/queries";
import { formatDate } from "@/lib/format/dates";
import { Pagination, pageParam } from "@/components/ui/pagination";
import { MINUTES_STATUS_LABELS } from "@/components/minutes/minutes-document";

type Props = { params: Promise<{ council: string }>; searchParams: Promise<{ side?: string | string[] }> };

export const generateMetadata = ({ params }: Props): Promise<Metadata> => councilPageMetadata(params, "Referater");

export default async function MinutesListPage({ params, searchParams }: Props) {
  const { council: slug } = await params;
  const viewer = await getViewer();
  const council = await getCouncilForViewer(viewer, slug);
  if (!council) notFound();
  const page = pageParam((await searchParams).side);
  const { rows, total, pageCount } = await listMinutesForViewer(viewer, council.id, page);
  return (
    <>
      <h1 className="text-3xl font-semibold mb-1">Referater</h1>
      <p className="mb-6 text-slate-700">
        {total === 0 ? council.name : `${council.name} – ${total} ${total === 1 ? "referat" : "referater"}, nyeste først`}
      </p>
      {total === 0 && <p>Ingen referater ennå.</p>}
      {total > 0 && rows.length === 0 && (
        <p>
          Listen har bare {pageCount} {pageCount === 1 ? "side" : "sider"}.{" "}
          <IntentLink className="link" href={`/portal/${slug}/referater`}>
            Gå til første side
          </IntentLink>
        </p>
      )}
      <ul className="space-y-3">
        {rows.map((r) => (
          <li key={r.meetingId} className="card">
            <p className="font-semibold">
              <IntentLink className="link" href={`/portal/${slug}/moter/${r.meetingId}`}>
                {`${r.documentTitle} – ${r.bodyName} ${formatDate(r.startsAt)}`}
              </IntentLink>
            </p>
            <p className="text-sm text-slate-700">
              {[
                `${MINUTES_STATUS_LABELS[r.status]}${r.approvedAt ? ` ${formatDate(r.approvedAt)}` : ""}`,
                r.status === "APPROVED" ? (r.published ? "offentlig" : "bare for medlemmer") : null,
                r.location,
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
            <p className="text-sm">
              <a className="link" href={`/dokumenter/${slug}/moter/${r.meetingId}/referat.pdf`}>
                PDF
              </a>
            </p>
          </li>
        ))}
      </ul>
      <Pagination page={page} pageCount={pageCount} href={(n) => `/portal/${slug}/referater?side=${n}`} label="Sider i referatlisten" />
    </>
  );
}
