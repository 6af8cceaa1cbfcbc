// The innkalling as a printable PDF (kommuneloven § 11-3: saksliste, tid og sted), rendered from the
// same NoticeDocument as the web page and the e-mail so the formats cannot disagree.
import "server-only";
import { formatDate, formatShortDate } from "@/lib/format/dates";
import type { NoticeDocument, NoticeInvitee, NoticeItem } from "@/lib/meetings/notice-model";
import { followUpHeading, followUpLines } from "@/lib/follow-up/follow-up-lines";
import {
  COLOR,
  FONT,
  SIZE,
  addPageFooters,
  contentLeft,
  contentWidth,
  createPdf,
  ensureSpace,
  finishPdf,
  heading,
  horizontalRule,
  labelValueRows,
  lineHeight,
  markdown,
  pdfText,
  plainParagraphs,
  table,
  textBlock,
  type Pdf,
} from "@/lib/documents/pdf-kit";

export async function renderNoticePdf(notice: NoticeDocument): Promise<Buffer> {
  const title = `Innkalling til møte i ${notice.bodyName}`;
  const doc = createPdf({
    title: `${title} – ${notice.timeLabel}`,
    author: notice.councilName,
    subject: `Innkalling og saksdokumenter, ${notice.bodyName}, ${notice.timeLabel}`,
    keywords: "innkalling, saksliste, saksframlegg",
  });

  renderHead(doc, notice, title);
  // An internal copy with exempt case papers must say so on paper, where access control no longer
  // helps (as the minutes' PDF does): it is forwarded and printed.
  const exempt = notice.items.filter((i) => !i.redacted && i.exemptionBasis?.trim());
  if (exempt.length) textBlock(doc, "Intern versjon – inneholder opplysninger unntatt offentlighet", { font: FONT.bold, gapAfter: 6 });
  renderInvitees(doc, notice.invitees);
  renderAgenda(doc, notice.items);
  renderCasePapers(doc, notice.items);
  renderAbsence(doc, notice.absenceInstructions);

  addPageFooters(doc, `Innkalling – ${notice.bodyName} – ${formatShortDate(notice.startsAt)}`);
  return finishPdf(doc);
}

function bookmark(doc: Pdf, text: string): void {
  // Bookmarks make a long saksframlegg navigable in PDF readers; they do not affect the printout.
  doc.outline.addItem(text);
}

function renderHead(doc: Pdf, notice: NoticeDocument, title: string): void {
  textBlock(doc, notice.councilName, { size: SIZE.body + 0.5, color: COLOR.muted, gapAfter: 4 });
  heading(doc, title, 1);
  bookmark(doc, title);
  doc.y += 4;

  const rows: [string, string][] = [];
  if (notice.cancelled) rows.push(["Avlyst:", notice.cancelled.reason ? `Møtet er avlyst. ${notice.cancelled.reason}` : "Møtet er avlyst."]);
  rows.push(["Tid:", notice.timeLabel]);
  if (notice.location) rows.push(["Sted:", notice.location]);
  if (notice.remoteUrl) rows.push(["Digitalt:", notice.remoteUrl]);
  if (!notice.location && !notice.remoteUrl) rows.push(["Sted:", "Ikke fastsatt"]);
  if (notice.sentAt) rows.push(["Sendt:", formatDate(notice.sentAt)]);
  if (notice.version > 1) rows.push(["Versjon:", `${notice.version} (erstatter tidligere utsendt innkalling)`]);
  if (notice.url) rows.push(["Nettside:", notice.url]);
  labelValueRows(doc, rows);
  doc.y += 6;
  horizontalRule(doc);
}

/** Organisations in the order they first appear; people without an organisation (the secretariat) last. */
function groupByOrganisation(invitees: NoticeInvitee[]): NoticeInvitee[][] {
  const groups = new Map<string, NoticeInvitee[]>();
  const without: NoticeInvitee[] = [];
  for (const inv of invitees) {
    if (!inv.organization) {
      without.push(inv);
      continue;
    }
    const list = groups.get(inv.organization) ?? [];
    list.push(inv);
    groups.set(inv.organization, list);
  }
  const result = [...groups.values()];
  if (without.length) result.push(without);
  return result;
}

function renderInvitees(doc: Pdf, invitees: NoticeInvitee[]): void {
  heading(doc, "Innkalte", 2, { rule: false });
  bookmark(doc, "Innkalte");
  if (!invitees.length) {
    textBlock(doc, "Ingen innkalte er registrert.", { color: COLOR.muted });
    return;
  }
  const rows: string[][] = [];
  for (const group of groupByOrganisation(invitees)) {
    group.forEach((inv, i) => {
      rows.push([
        i === 0 ? (inv.organization ?? "") : "",
        inv.name,
        inv.role,
        inv.substitutes.join(", "),
      ]);
    });
  }
  table(
    doc,
    [
      { header: "Organisasjon", width: 2.2 },
      { header: "Navn", width: 3 },
      { header: "Rolle", width: 3 },
      { header: "Vara", width: 3.4 },
    ],
    rows,
  );
}

function itemHeading(item: NoticeItem): string {
  return item.numberLabel ? `${item.numberLabel} ${item.title}` : item.title;
}

function renderAgenda(doc: Pdf, items: NoticeItem[]): void {
  heading(doc, "Saksliste", 2);
  bookmark(doc, "Saksliste");
  if (!items.length) {
    textBlock(doc, "Ingen saker er satt opp.", { color: COLOR.muted });
    return;
  }
  table(
    doc,
    [
      { header: "Saksnr.", width: 1.3 },
      { header: "Sak", width: 6 },
      { header: "Type", width: 2 },
    ],
    items.map((item) => [
      item.numberLabel ?? "",
      // Exempt items keep their public title only; the presenter could hint at the content.
      item.redacted ? `${item.title} (unntatt offentlighet)` : [item.title, item.presenter].filter(Boolean).join(" "),
      item.typeLabel,
    ]),
  );
}

function renderCasePapers(doc: Pdf, items: NoticeItem[]): void {
  if (!items.length) return;
  // The section heading must land on the same page as the first item's heading and some of its text.
  ensureSpace(doc, 150);
  heading(doc, "Saksframlegg", 2);
  bookmark(doc, "Saksframlegg");
  items.forEach((item, i) => {
    if (i > 0) {
      ensureSpace(doc, 80);
      // A separator at the very top of a page would only look like a stray line.
      if (doc.y > doc.page.margins.top + 1) {
        doc.y += 4;
        horizontalRule(doc, "#cccccc");
      }
    }
    renderItem(doc, item);
  });
}

function renderItem(doc: Pdf, item: NoticeItem): void {
  heading(doc, itemHeading(item), 3);
  bookmark(doc, itemHeading(item));

  if (item.redacted) {
    // Redaction is decided upstream, but whatever a caller passes, nothing but the legal basis is printed.
    const basis = item.exemptionBasis?.trim();
    textBlock(doc, basis ? `Unntatt offentlighet – ${basis}` : "Unntatt offentlighet", { font: FONT.bold });
    return;
  }

  // The internal copy of an exempt item: its papers, under the basis they are exempt by.
  if (item.exemptionBasis?.trim()) textBlock(doc, `Unntatt offentlighet – ${item.exemptionBasis.trim()}`, { font: FONT.bold, gapAfter: 4 });
  const meta = [item.typeLabel, item.presenter].filter(Boolean).join(" · ");
  if (meta) textBlock(doc, meta, { font: FONT.italic, size: SIZE.small, color: COLOR.muted, gapAfter: 6 });
  if (item.noticeText?.trim()) plainParagraphs(doc, item.noticeText);
  if (item.background?.trim()) markdown(doc, item.background);

  if (item.proposedDecision?.trim()) {
    ensureSpace(doc, 3 * lineHeight(doc, SIZE.body));
    textBlock(doc, "Forslag til vedtak:", { font: FONT.bold, gapAfter: 3 });
    markdown(doc, item.proposedDecision, { indent: 12 });
  }

  if (item.followUp) {
    ensureSpace(doc, 3 * lineHeight(doc, SIZE.body));
    textBlock(doc, followUpHeading(item.followUp), { font: FONT.bold, gapAfter: 3 });
    for (const line of followUpLines(item.followUp)) textBlock(doc, `• ${line}`, { gapAfter: 2 });
  }

  if (item.attachments.length) {
    ensureSpace(doc, 2 * lineHeight(doc, SIZE.body));
    if (item.attachments.length === 1) {
      textBlock(doc, `Vedlegg: ${item.attachments[0].fileName}`);
    } else {
      textBlock(doc, "Vedlegg:", { font: FONT.bold, gapAfter: 2 });
      item.attachments.forEach((a, n) => {
        ensureSpace(doc, lineHeight(doc, SIZE.body));
        const y = doc.y;
        doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.text);
        doc.text(`${n + 1}.`, contentLeft(doc) + 12, y, { width: 18 });
        doc.text(pdfText(a.fileName), contentLeft(doc) + 30, y, { width: contentWidth(doc) - 30, lineGap: 1.5 });
        doc.x = contentLeft(doc);
        doc.y += 1;
      });
      doc.y += SIZE.body * 0.5;
    }
  }
}

function renderAbsence(doc: Pdf, instructions: string): void {
  heading(doc, "Forfall", 2);
  bookmark(doc, "Forfall");
  plainParagraphs(doc, instructions.trim() || "Meld forfall til sekretariatet så snart som mulig.");
}
