// The plan and its yearly report as PDFs, rendered from the same models as the pages
// (PlanDocument, YearReport), so paper and screen cannot disagree. The plan is shaped like the
// councils' own plans: title page head, purpose, free sections, focus areas with their measures.
import "server-only";
import { formatDate } from "@/lib/format/dates";
import { formatIsoDate, periodLabel, type PlanDocument } from "@/lib/plans/document";
import type { YearReport } from "@/lib/plans/report";
import { MEASURE_STATUS_LABELS, MEASURE_STATUSES } from "@/lib/plans/schemas";
import { COLOR, FONT, SIZE, addPageFooters, createPdf, finishPdf, heading, markdown, pdfText, table, textBlock, type Pdf } from "@/lib/documents/pdf-kit";

export async function renderPlanPdf(plan: PlanDocument): Promise<Buffer> {
  const doc = createPdf({
    title: `${plan.title}${plan.adoption ? "" : " (utkast)"}`,
    author: plan.councilName,
    subject: `${plan.kindLabel} ${periodLabel(plan)}, ${plan.councilName}`,
    keywords: "strategi, handlingsplan, satsingsområder, tiltak",
  });
  textBlock(doc, `${plan.kindLabel} ${periodLabel(plan)}`.toUpperCase(), { size: SIZE.small, color: COLOR.muted, gapAfter: 2 });
  heading(doc, plan.title, 1);
  if (plan.subtitle) textBlock(doc, plan.subtitle, { font: FONT.bold, size: SIZE.h3 });
  textBlock(doc, plan.councilName, { color: COLOR.muted });
  if (plan.strategyTitle) textBlock(doc, `Bygger på strategien «${plan.strategyTitle}».`, { size: SIZE.small });
  textBlock(
    doc,
    plan.adoption
      ? `Vedtatt ${formatIsoDate(plan.adoption.adoptedAt)}${plan.adoption.decision ? ` (${plan.adoption.decision})` : ""} · versjon ${plan.adoption.versionNumber}`
      : "Utkast – ikke vedtatt",
    { font: FONT.bold, size: SIZE.small },
  );

  if (plan.purpose) {
    heading(doc, "Formål og mandat", 2, { rule: true });
    markdown(doc, plan.purpose);
  }
  if (plan.principlesInclude || plan.principlesExclude) {
    heading(doc, "Prinsipper for samarbeidet", 2, { rule: true });
    if (plan.principlesInclude) {
      heading(doc, "Dette tar rådet på seg", 3);
      markdown(doc, plan.principlesInclude);
    }
    if (plan.principlesExclude) {
      heading(doc, "Dette skal rådet ikke drive med", 3);
      markdown(doc, plan.principlesExclude);
    }
  }
  for (const s of plan.sectionsBefore) section(doc, s);
  if (plan.focusAreas.length) heading(doc, "Satsingsområder og tiltak", 2, { rule: true });
  for (const a of plan.focusAreas) {
    doc.outline.addItem(pdfText(a.title));
    heading(doc, a.title, 3);
    if (a.description) markdown(doc, a.description);
    if (a.goals.length) {
      textBlock(doc, "Mål", { font: FONT.bold, gapAfter: 2 });
      markdown(doc, a.goals.map((g) => `- ${g}`).join("\n"));
    }
    if (a.measures.length) {
      table(
        doc,
        [
          { header: "Tiltak", width: 46 },
          { header: "Ansvar", width: 18 },
          { header: "Tid", width: 12 },
          { header: "Status", width: 12 },
          { header: "Ressurser", width: 12 },
        ],
        a.measures.map((m) => [
          [m.title, m.description.replace(/^\s*-\s*/gm, "– "), m.goal ? `Mål: ${m.goal}` : "", m.indicators ? `Indikatorer: ${m.indicators}` : "", m.carriedFrom ? `Videreført fra ${m.carriedFrom}` : ""]
            .filter(Boolean)
            .join("\n"),
          m.owner ?? "",
          [m.timeFrame, m.deadline ? `frist ${formatIsoDate(m.deadline)}` : null].filter(Boolean).join(", "),
          m.statusLabel,
          m.resourceAnchored ? "Forankret" : "Ikke forankret",
        ]),
      );
    }
  }
  for (const s of plan.sectionsAfter) section(doc, s);
  addPageFooters(doc, plan.adoption ? plan.title : `UTKAST – ${plan.title}`);
  return finishPdf(doc);
}

function section(doc: Pdf, s: { heading: string; body: string }) {
  heading(doc, s.heading, 2, { rule: true });
  if (s.body) markdown(doc, s.body);
}

export async function renderYearReportPdf(input: { planTitle: string; councilName: string; summary: string; report: YearReport; previousLabel: string | null }): Promise<Buffer> {
  const { report } = input;
  const doc = createPdf({
    title: `Årlig evaluering ${report.year} – ${input.planTitle}`,
    author: input.councilName,
    subject: `Årlig evaluering ${report.year}, ${input.councilName}`,
    keywords: "årlig evaluering, status og måloppnåelse, utviklingstrekk, videre prioriteringer",
  });
  heading(doc, `Årlig evaluering ${report.year}`, 1);
  textBlock(doc, `${input.planTitle} · ${input.councilName}`, { color: COLOR.muted });
  textBlock(doc, `Tiltak i alt: ${MEASURE_STATUSES.map((s) => `${MEASURE_STATUS_LABELS[s]} ${report.totals[s]}`).join(" · ")}`);
  if (input.summary) markdown(doc, input.summary);
  for (const a of report.areas) {
    doc.outline.addItem(pdfText(a.title));
    heading(doc, a.title, 2, { rule: true });
    heading(doc, "Status og måloppnåelse", 3);
    for (const g of a.byStatus) {
      textBlock(doc, `${g.label} (${g.measures.length})`, { font: FONT.bold, gapAfter: 2 });
      markdown(
        doc,
        g.measures
          .map((m) => [`- ${m.title}${m.owner ? ` – ${m.owner}` : ""}${m.resourceAnchored ? "" : " (ikke ressursforankret)"}`, ...m.decisions.map((d) => `    - Vedtak: ${d.label}`)].join("\n"))
          .join("\n"),
      );
    }
    if (a.evaluation.statusText) markdown(doc, a.evaluation.statusText);
    heading(doc, `Vedtak i ${report.year}`, 3);
    if (a.decisions.length === 0) textBlock(doc, `Ingen vedtak knyttet til området i ${report.year}.`);
    for (const d of a.decisions) {
      textBlock(doc, `${d.label} (${formatDate(new Date(d.at))})`, { font: FONT.bold, gapAfter: 2 });
      markdown(doc, d.text, { indent: 12 });
    }
    heading(doc, `Oppfølging i ${report.year}`, 3);
    if (a.actions.length === 0) textBlock(doc, `Ingen oppgaver knyttet til området i ${report.year}.`);
    else markdown(doc, a.actions.map((x) => `- ${x.title} – ${x.statusLabel}`).join("\n"));
    heading(doc, "Utviklingstrekk og retning", 3);
    if (a.evaluation.trends) markdown(doc, a.evaluation.trends);
    else textBlock(doc, "Ikke skrevet ennå.", { font: FONT.italic });
    heading(doc, "Videre prioriteringer", 3);
    if (a.evaluation.priorities) markdown(doc, a.evaluation.priorities);
    else textBlock(doc, "Ikke skrevet ennå.", { font: FONT.italic });
    heading(doc, `Sammenlignet med ${report.year - 1}`, 3);
    if (a.previous) {
      const prev = a.previous;
      table(
        doc,
        [
          { header: "", width: 50 },
          { header: String(report.year - 1), width: 25 },
          { header: String(report.year), width: 25 },
        ],
        [
          ...MEASURE_STATUSES.map((s) => [`Tiltak ${MEASURE_STATUS_LABELS[s].toLowerCase()}`, String(prev.counts[s]), String(a.counts[s])]),
          ["Vedtak", String(prev.decisions), String(a.decisions.length)],
          ["Oppgaver", String(prev.actions), String(a.actions.length)],
        ],
      );
    } else {
      textBlock(doc, input.previousLabel ? `Området fantes ikke i ${input.previousLabel}.` : `Ingen plan for ${report.year - 1} å sammenligne med.`);
    }
  }
  addPageFooters(doc, `Årlig evaluering ${report.year} – ${input.planTitle}`);
  return finishPdf(doc);
}
