// The referat/protokoll as a printable PDF, rendered from the same MinutesDocument as the web page and
// the content hash, so the formats cannot disagree. Shaped like the councils' own Word referater:
// head, Møtedeltakere, Saker til behandling with Vedtak under each, signatures.
import "server-only";
import { followUpHeading, followUpLines } from "@/lib/follow-up/follow-up-lines";
import { formatCalendarDate, formatDate, formatShortDate } from "@/lib/format/dates";
import type { MinutesDecision, MinutesDocument, MinutesItem, MinutesParticipant } from "@/lib/minutes/minutes-model";
import { proposalLine } from "@/lib/minutes/proposal-line";
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

export async function renderMinutesPdf(minutes: MinutesDocument): Promise<Buffer> {
  const title = `${minutes.documentTitle} fra møte i ${minutes.bodyName}`;
  const approved = minutes.status === "APPROVED";
  const doc = createPdf({
    title: `${title} ${formatDate(minutes.startsAt)}${approved ? "" : " (utkast)"}`,
    author: minutes.councilName,
    subject: `${minutes.documentTitle}, ${minutes.bodyName}, ${minutes.timeLabel}`,
    keywords: `${minutes.documentTitle.toLowerCase()}, møtereferat, vedtak`,
  });

  renderHead(doc, minutes, title);
  renderParticipants(doc, minutes.participants);
  if (minutes.introduction.trim()) {
    doc.y += 4;
    markdown(doc, minutes.introduction);
  }
  renderItems(doc, minutes.items);
  renderSignatures(doc, minutes.signatures);
  renderApproval(doc, minutes);
  renderErrata(doc, minutes.errata);

  // A page that gets separated from the first one must still show that it is not the approved text.
  const footer = `${minutes.bodyName} – ${minutes.documentTitle.toLowerCase()} ${formatShortDate(minutes.startsAt)}`;
  addPageFooters(doc, approved ? footer : `UTKAST – ${footer}`);
  return finishPdf(doc);
}

function bookmark(doc: Pdf, text: string): void {
  // Bookmarks make long minutes navigable in PDF readers; they do not affect the printout.
  doc.outline.addItem(pdfText(text));
}

// ───────────────────────────── Head ─────────────────────────────

function renderHead(doc: Pdf, minutes: MinutesDocument, title: string): void {
  textBlock(doc, minutes.councilName, { size: SIZE.body + 0.5, color: COLOR.muted, gapAfter: 4 });
  heading(doc, title, 1);
  bookmark(doc, title);
  doc.y += 4;

  if (minutes.status !== "APPROVED") {
    textBlock(doc, `UTKAST – ikke godkjent (versjon ${minutes.version})`, { font: FONT.bold, size: SIZE.h3, gapAfter: 2 });
    if (minutes.status === "SENT_FOR_COMMENT") textBlock(doc, "Utkast sendt på høring til medlemmene", { gapAfter: 2 });
    doc.y += 4;
  }
  // An internal copy that contains exempt content must say so on paper, where access control no longer helps.
  if (minutes.audience === "internal" && minutes.items.some((i) => !i.redacted && (i.isClosed || i.exemptionBasis))) {
    textBlock(doc, "Intern versjon – inneholder opplysninger unntatt offentlighet", { font: FONT.bold, gapAfter: 6 });
  }

  labelValueRows(doc, [
    ["Møtested:", minutes.location?.trim() || "Ikke oppgitt"],
    ["Tid:", minutes.timeLabel],
  ]);
  doc.y += 6;
  horizontalRule(doc);
}

// ───────────────────────────── Participants ─────────────────────────────

function roleCell(p: MinutesParticipant): string {
  const extra = [
    p.isGuest ? "gjest" : null,
    p.arrivedAt ? `kom til ${p.arrivedAt}` : null,
    p.leftAfter ? `gikk etter ${p.leftAfter}` : null,
    p.note?.trim() || null,
  ].filter(Boolean);
  return extra.length ? `${p.role} (${extra.join(", ")})`.trim() : p.role;
}

function absenceCell(p: MinutesParticipant): string {
  if (p.status === "ABSENT") return "Forfall";
  if (p.status === "REMOTE") return "Teams";
  return "";
}

function renderParticipants(doc: Pdf, participants: MinutesParticipant[]): void {
  heading(doc, "Møtedeltakere", 2);
  bookmark(doc, "Møtedeltakere");
  if (!participants.length) {
    textBlock(doc, "Ingen møtedeltakere er registrert.", { color: COLOR.muted });
    return;
  }
  // Members first, then guests, then the secretariat, as in the councils' own referater; the order
  // within each group is the one the secretariat chose.
  const rank = (p: MinutesParticipant) => (p.isSecretariat ? 2 : p.isGuest ? 1 : 0);
  const ordered = participants.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i);
  table(
    doc,
    [
      { header: "Organisasjon", width: 2.1 },
      { header: "Navn", width: 3 },
      { header: "Rolle", width: 3.4 },
      { header: "Forfall", width: 1.3 },
      { header: "Vara", width: 2.4 },
    ],
    ordered.map(({ p }) => [
      p.organization ?? "",
      p.name,
      roleCell(p),
      absenceCell(p),
      p.status === "SUBSTITUTE" ? `Vara for ${p.substituteFor ?? "medlem"}` : "",
    ]),
  );
}

// ───────────────────────────── Items ─────────────────────────────

function itemHeading(item: MinutesItem): string {
  return [item.numberLabel, item.title].filter(Boolean).join(" ");
}

function renderItems(doc: Pdf, items: MinutesItem[]): void {
  // The section heading must land on the same page as the first item's heading and some of its text.
  ensureSpace(doc, 120);
  heading(doc, "Saker til behandling", 2);
  bookmark(doc, "Saker til behandling");
  if (!items.length) {
    textBlock(doc, "Ingen saker.", { color: COLOR.muted });
    return;
  }
  items.forEach((item, i) => {
    if (i > 0) {
      ensureSpace(doc, 70);
      // A separator at the very top of a page would only look like a stray line.
      if (doc.y > doc.page.margins.top + 1) {
        doc.y += 4;
        horizontalRule(doc, "#cccccc");
      }
    }
    renderItem(doc, item);
  });
}

function renderItem(doc: Pdf, item: MinutesItem): void {
  if (item.redacted) {
    // Redaction is decided upstream, but whatever a caller passes, only number, title and legal basis
    // are printed; even the presenter can hint at what an exempt item is about.
    heading(doc, itemHeading(item), 3);
    bookmark(doc, itemHeading(item));
    const basis = item.exemptionBasis?.trim();
    textBlock(doc, basis ? `Unntatt offentlighet – ${basis}` : "Unntatt offentlighet", { font: FONT.bold, gapAfter: 3 });
    if (item.isClosed) textBlock(doc, closedLine(item));
    return;
  }

  const headingText = [itemHeading(item), item.presenter?.trim()].filter(Boolean).join(" ");
  heading(doc, headingText, 3);
  bookmark(doc, itemHeading(item));

  if (item.isClosed) textBlock(doc, closedLine(item), { font: FONT.bold });
  if (item.approvesMinutesOf) textBlock(doc, `Gjelder referatet fra ${item.approvesMinutesOf.meetingLabel}.`, { color: COLOR.muted, size: SIZE.small });
  if (item.noticeText?.trim()) plainParagraphs(doc, item.noticeText);
  if (item.notes?.trim()) markdown(doc, item.notes);

  if (item.disqualifications.length) {
    const who = item.disqualifications.map((d) => `${d.name} (${d.basis})`).join("; ");
    textBlock(doc, `Inhabil: ${who}. Fratrådte under behandlingen.`, { size: SIZE.small + 0.5 });
  }

  renderRoundTable(doc, item);
  if (item.decision) renderDecision(doc, item.decision);
  renderListSection(
    doc,
    "Oppfølging",
    item.actionItems.map(
      (a) => `${a.title} – ansvar: ${a.responsible.trim() || "ikke satt"}${a.dueDate ? ` – frist ${formatCalendarDate(a.dueDate)}` : ""}`,
    ),
  );
  if (item.followUpList) renderListSection(doc, followUpHeading(item.followUpList), followUpLines(item.followUpList));
  renderListSection(
    doc,
    "Forslag til saker",
    item.proposedItems.map((p) => `${p.title} (${p.meetingLabel})`),
  );
}

function closedLine(item: MinutesItem): string {
  return `Behandlet i lukket møte, ${item.closedBasis?.trim() || "hjemmel ikke oppgitt"}`;
}

function renderRoundTable(doc: Pdf, item: MinutesItem): void {
  for (const r of item.roundTable) {
    ensureSpace(doc, 3 * lineHeight(doc, SIZE.body));
    textBlock(doc, r.submittedInAdvance ? `${r.organization} (innsendt)` : r.organization, { font: FONT.bold, gapAfter: 2 });
    if (r.text.trim()) markdown(doc, r.text, { indent: 12 });
  }
  if (item.roundTableMissing.length) {
    textBlock(doc, `Ikke rapportert: ${item.roundTableMissing.join(", ")}`, { color: COLOR.muted, size: SIZE.small + 0.5 });
  }
}

function renderDecision(doc: Pdf, decision: MinutesDecision): void {
  ensureSpace(doc, 3 * lineHeight(doc, SIZE.body) + 6);
  doc.y += 3;
  withLeftBar(doc, () => {
    textBlock(doc, decision.heading, { font: FONT.bold, indent: 10, gapAfter: 3 });
    if (decision.text.trim()) markdown(doc, decision.text, { indent: 10 });
    if (decision.voting === "ENSTEMMIG") {
      textBlock(doc, "Enstemmig vedtatt.", { indent: 10, size: SIZE.small + 0.5 });
    } else if (decision.voting === "VOTERING") {
      if (!decision.proposals.length) textBlock(doc, "Votering – ingen forslag er registrert.", { indent: 10, size: SIZE.small + 0.5 });
      for (const p of decision.proposals) bulletLine(doc, proposalLine(p), 10);
    }
  });
  doc.y += 4;
}

/**
 * Draws a bar in the left margin of whatever `render` writes, also when it runs over a page break,
 * so a Vedtak stands out from the discussion above it as it does in the web version.
 */
function withLeftBar(doc: Pdf, render: () => void): void {
  const firstPage = currentPage(doc);
  const startY = doc.y;
  render();
  const lastPage = currentPage(doc);
  const endY = doc.y;
  const x = contentLeft(doc) + 2;
  for (let n = firstPage; n <= lastPage; n++) {
    doc.switchToPage(n);
    const top = n === firstPage ? startY : doc.page.margins.top;
    const bottom = n === lastPage ? endY - 3 : doc.page.maxY();
    if (bottom > top) doc.save().moveTo(x, top).lineTo(x, bottom).lineWidth(2).strokeColor("#555555").stroke().restore();
  }
  doc.switchToPage(lastPage);
  doc.x = contentLeft(doc);
  doc.y = endY;
}

function currentPage(doc: Pdf): number {
  const range = doc.bufferedPageRange();
  return range.start + range.count - 1;
}

function renderListSection(doc: Pdf, title: string, lines: string[]): void {
  if (!lines.length) return;
  ensureSpace(doc, 3 * lineHeight(doc, SIZE.body));
  textBlock(doc, title, { font: FONT.bold, gapAfter: 2 });
  for (const line of lines) bulletLine(doc, line, 0);
  doc.y += 4;
}

/** A bulleted line with a hanging indent, so wrapped lines align with the text and not the bullet. */
function bulletLine(doc: Pdf, text: string, indent: number): void {
  const size = SIZE.small + 0.5;
  ensureSpace(doc, lineHeight(doc, size));
  const y = doc.y;
  doc.font(FONT.regular).fontSize(size).fillColor(COLOR.text).text("\u2022", contentLeft(doc) + indent, y, { width: 12, lineBreak: false });
  doc.y = y;
  textBlock(doc, text, { indent: indent + 12, size, gapAfter: 2 });
}

// ───────────────────────────── Closing ─────────────────────────────

function renderSignatures(doc: Pdf, signatures: { name: string; label: string }[]): void {
  if (!signatures.length) return;
  doc.y += 18;
  const left = contentLeft(doc);
  const colWidth = contentWidth(doc) / 2;
  const rowHeight = 2 * lineHeight(doc, SIZE.body) + 8;
  // Two signatures side by side, as on the councils' paper minutes; more simply continue below.
  for (let i = 0; i < signatures.length; i += 2) {
    ensureSpace(doc, rowHeight);
    const y = doc.y;
    let bottom = y;
    signatures.slice(i, i + 2).forEach((s, col) => {
      const x = left + col * colWidth;
      const width = colWidth - 12;
      doc.font(FONT.bold).fontSize(SIZE.body).fillColor(COLOR.text).text(pdfText(s.name), x, y, { width });
      if (s.label.trim()) doc.font(FONT.regular).text(pdfText(s.label), x, doc.y, { width });
      bottom = Math.max(bottom, doc.y);
    });
    doc.x = left;
    doc.y = bottom + 10;
  }
}

function renderApproval(doc: Pdf, minutes: MinutesDocument): void {
  const a = minutes.approval;
  if (!a) return;
  const parts = [a.label.trim().replace(/\.$/, "")];
  if (a.approvedVersion !== null) parts.push(`Versjon ${a.approvedVersion}`);
  if (a.contentHash) parts.push(`Kontrollsum (SHA-256): ${a.contentHash}`);
  doc.y += 6;
  textBlock(doc, `${parts.join(". ")}${a.contentHash ? "" : "."}`, { size: SIZE.small, color: COLOR.muted });
}

function renderErrata(doc: Pdf, errata: { text: string; createdAt: Date }[]): void {
  if (!errata.length) return;
  heading(doc, "Rettelser etter godkjenning", 2);
  bookmark(doc, "Rettelser etter godkjenning");
  for (const e of errata) textBlock(doc, `${formatDate(e.createdAt)}: ${e.text.trim()}`, { gapAfter: 4 });
}
