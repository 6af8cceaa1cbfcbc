import "server-only";
import { getDb } from "@/lib/server/db";
import { can, canReadExemptContent, canReadMeeting, canReadMinutes, type Viewer } from "@/lib/authz/policy";
import { formatCaseNumber } from "@/lib/cases/case-number";

/** A case with its saksgang: one row per body that has treated it, as far as the viewer may see. */
export async function getCaseView(viewer: Viewer | null, councilSlug: string, caseId: string, now = new Date()) {
  const db = await getDb();
  const c = await db.case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      title: true,
      type: true,
      presenter: true,
      background: true,
      proposedDecision: true,
      isExempt: true,
      exemptionBasis: true,
      council: { select: { id: true, slug: true, name: true } },
      referencesTo: { select: { id: true, label: true, toCaseId: true } },
      referencedBy: {
        select: {
          id: true,
          fromCaseId: true,
          fromCase: {
            select: {
              title: true,
              items: { where: { status: "ACTIVE" }, select: { meeting: { select: { status: true, noticeSentAt: true, minutes: { select: { status: true, publishedAt: true } } } } } },
            },
          },
        },
      },
      items: {
        where: { status: "ACTIVE" },
        orderBy: { meeting: { startsAt: "asc" } },
        select: {
          id: true,
          number: true,
          year: true,
          outcome: true,
          isClosed: true,
          closedBasis: true,
          minutesNotes: true,
          decision: { select: { kind: true, text: true } },
          meeting: {
            select: {
              id: true,
              startsAt: true,
              status: true,
              noticeSentAt: true,
              minutes: { select: { status: true, publishedAt: true } },
              body: { select: { name: true, caseSeries: { select: { format: true } } } },
            },
          },
        },
      },
    },
  });
  if (!c || c.council.slug !== councilSlug) return null;
  const councilId = c.council.id;
  // A meeting held before the portal is known only from its minutes, sent without a notice from
  // here: whoever may read those minutes may see the case was treated there, as the meeting page shows.
  const visible = (i: { meeting: { status: string; noticeSentAt: Date | null; minutes: { status: string; publishedAt: Date | null } | null } }) =>
    canReadMeeting(viewer, { councilId, status: i.meeting.status, noticeSentAt: i.meeting.noticeSentAt }) ||
    (i.meeting.minutes !== null && canReadMinutes(viewer, councilId, i.meeting.minutes));
  const rows = c.items.filter(visible);
  if (rows.length === 0 && !can(viewer, "meeting.read.draft", councilId)) return null;
  const showExempt = canReadExemptContent(viewer, councilId);
  // The papers of a case treated behind closed doors (kommuneloven § 11-5) are withheld as the
  // notice, the meeting page and the minutes withhold the item, though the case is not exempt.
  const closedItem = c.items.find((i) => i.isClosed);
  const redacted = (c.isExempt || closedItem !== undefined) && !showExempt;
  const closedNote = closedItem ? `Behandlet i lukket møte${closedItem.closedBasis?.trim() ? ` (${closedItem.closedBasis.trim()})` : ""}` : null;
  return {
    id: c.id,
    title: c.title,
    type: c.type,
    // The presenter of a withheld case could hint at its content, as on the notice.
    presenter: redacted ? null : c.presenter,
    isExempt: c.isExempt,
    exemptionBasis: c.exemptionBasis,
    redacted,
    redactedNote: c.isExempt ? `Unntatt offentlighet${c.exemptionBasis?.trim() ? ` – ${c.exemptionBasis.trim()}` : ""}` : closedNote,
    background: redacted ? null : c.background,
    proposedDecision: redacted ? null : c.proposedDecision,
    council: c.council,
    referencesTo: c.referencesTo,
    // Named by the referring case's own title (the reference's label is written from that case), and
    // only those the reader may open: a case on a meeting not yet sent out is no link for the public.
    referencedBy: c.referencedBy
      .filter((r) => r.fromCaseId !== c.id && (r.fromCase.items.some(visible) || can(viewer, "meeting.read.draft", councilId)))
      .map((r) => ({ id: r.id, fromCaseId: r.fromCaseId, title: r.fromCase.title })),
    saksgang: rows.map((i) => {
      const minutesVisible = i.meeting.minutes ? canReadMinutes(viewer, councilId, i.meeting.minutes) : false;
      // What the minutes say of the item, as the minutes show it to this reader: nothing of an
      // exempt case or of an item treated behind closed doors (kommuneloven § 11-5) to the public.
      const shown = minutesVisible && !redacted && (!i.isClosed || showExempt);
      return {
        itemId: i.id,
        meetingId: i.meeting.id,
        bodyName: i.meeting.body.name,
        startsAt: i.meeting.startsAt,
        numberLabel: i.number !== null && i.year !== null ? formatCaseNumber(i.meeting.body.caseSeries?.format ?? "Sak {n}/{yy}", i.number, i.year) : null,
        // An item treated without a decision (an orientation, "eventuelt") was still treated; a held
        // meeting whose minutes this viewer cannot read yet is not "not treated" either.
        outcome: minutesVisible
          ? (i.outcome ?? (i.decision ? { VEDTAK: "Vedtatt", INNSTILLING: "Innstilling", KONKLUSJON: "Drøftet" }[i.decision.kind] : "Behandlet, uten vedtak"))
          : i.meeting.status === "CANCELLED"
            ? "Møtet ble avlyst"
            : i.meeting.startsAt < now
              ? "Referatet er ikke publisert ennå"
              : null,
        decision: shown && i.decision?.text.trim() ? i.decision : null,
        notes: shown ? i.minutesNotes.trim() || null : null,
      };
    }),
  };
}

/** The cases of a public meeting, for links to their public case pages (titles are public, also of exempt cases). */
export async function listPublicMeetingCases(councilSlug: string, meetingId: string) {
  const db = await getDb();
  const items = await db.agendaItem.findMany({
    where: {
      meetingId,
      status: "ACTIVE",
      caseId: { not: null },
      meeting: { body: { council: { slug: councilSlug } }, OR: [{ noticeSentAt: { not: null } }, { minutes: { status: "APPROVED", publishedAt: { not: null } } }] },
    },
    orderBy: { position: "asc" },
    select: { caseId: true, title: true, number: true, year: true, series: { select: { format: true } } },
  });
  return items.map((i) => ({
    caseId: i.caseId!,
    label: `${i.number !== null && i.year !== null ? `${formatCaseNumber(i.series?.format ?? "Sak {n}/{yy}", i.number, i.year)} ` : ""}${i.title}`,
  }));
}
