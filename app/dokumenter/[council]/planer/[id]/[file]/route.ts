import { getViewer } from "@/lib/authz/viewer";
import { getPlanDocumentForViewer, getYearReport } from "@/lib/plans/queries";
import { renderPlanPdf, renderYearReportPdf } from "@/lib/documents/plan-pdf";
import { safeDownloadName } from "@/lib/attachments/validate";

const notFound = () => new Response("Fant ikke dokumentet.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

function pdfResponse(pdf: Buffer, name: string) {
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; ${safeDownloadName(name)}`,
      "X-Content-Type-Options": "nosniff",
      // Plans are read by signed-in members only (the public portal is a later issue).
      "Cache-Control": "private, no-store",
    },
  });
}

// plan.pdf (what the plan page shows), versjon-N.pdf (an adopted version) and rapport-YYYY.pdf,
// with the same access rules as the pages.
export async function GET(_request: Request, { params }: { params: Promise<{ council: string; id: string; file: string }> }) {
  const { council, id, file } = await params;
  const viewer = await getViewer();
  if (file === "plan.pdf" || /^versjon-\d{1,4}\.pdf$/.test(file)) {
    const n = file === "plan.pdf" ? undefined : Number(file.slice(8, -4));
    const doc = await getPlanDocumentForViewer(viewer, council, id, n);
    if (!doc) return notFound();
    return pdfResponse(await renderPlanPdf(doc), `${doc.title}${n ? ` versjon ${n}` : ""}.pdf`);
  }
  const m = /^rapport-(\d{4})\.pdf$/.exec(file);
  if (m) {
    const data = await getYearReport(viewer, council, id, Number(m[1]));
    if (!data) return notFound();
    const pdf = await renderYearReportPdf({ planTitle: data.plan.title, councilName: data.plan.councilName, summary: data.summary, report: data.report, previousLabel: data.previousPlan?.title ?? null });
    return pdfResponse(pdf, `Årlig evaluering ${data.report.year} ${data.plan.title}.pdf`);
  }
  return notFound();
}
