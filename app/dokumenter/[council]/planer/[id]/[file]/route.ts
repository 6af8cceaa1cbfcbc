import { getViewer } from "@/lib/authz/viewer";
import { getPlanDocumentForViewer, getPublicPlan, getYearReport } from "@/lib/plans/queries";
import { getCouncilAbout } from "@/lib/councils/queries";
import { renderPlanPdf, renderYearReportPdf } from "@/lib/documents/plan-pdf";
import { safeDownloadName } from "@/lib/attachments/validate";

const notFound = () => new Response("Fant ikke dokumentet.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

function pdfResponse(pdf: Buffer, name: string, shared = false) {
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; ${safeDownloadName(name)}`,
      "X-Content-Type-Options": "nosniff",
      // Only the public adopted version may sit in shared caches.
      "Cache-Control": shared ? "public, max-age=300" : "private, no-store",
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
    if (!doc && n === undefined) {
      // Anyone may read the latest adopted version (what /r/<råd>/planer/<id> shows).
      const c = await getCouncilAbout(council);
      const pub = c ? await getPublicPlan(c.id, id) : null;
      if (pub) return pdfResponse(await renderPlanPdf(pub.doc), `${pub.doc.title}.pdf`, true);
    }
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
