import type { Db, Tx } from "@/lib/server/db";
import { formatDate } from "@/lib/format/dates";
import {
  inviteesAt,
  isItemExempt,
  itemAttachments,
  itemNumberLabel,
  loadNoticeMeeting,
  type NoticeItemRow,
} from "@/lib/meetings/notice";

// What the secretariat is told before an innkalling goes out. Political bodies are bound by
// kommuneloven § 11-3 (innkalling: saksliste, tid og sted, rimelig tid, kunngjøring, saksdokumenter
// tilgjengelige for allmennheten) and § 11-5 (lukkede møter krever hjemmel). Administrative bodies
// (KDU, fagteam, KG) are not bound by chapter 11, but withholding papers always needs a legal basis
// under offentleglova, so that check blocks for every body.
//
// Only "blocking" stops the sending; warnings are shown and the secretariat decides.

export type Check = { code: string; message: string };
export type NoticeChecks = { blocking: Check[]; warnings: Check[]; info: Check[] };

/** Kommuneloven § 11-3 only says "rimelig tid"; the portal warns below a week. */
export const MIN_NOTICE_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

const STANDARD_TYPES = new Set(["GODKJENNING", "EVENTUELT"]);
const PAPER_TYPES = new Set(["VEDTAKSSAK", "DROFTINGSSAK"]);

function itemName(item: NoticeItemRow, bodyFormat: string | null): string {
  const label = itemNumberLabel(item, bodyFormat);
  return label ? `${label} «${item.title}»` : `«${item.title}»`;
}

function listNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} og ${names.at(-1)}`;
}

export async function checkNotice(db: Db | Tx, meetingId: string, now: Date = new Date()): Promise<NoticeChecks> {
  const result: NoticeChecks = { blocking: [], warnings: [], info: [] };
  const m = await loadNoticeMeeting(db, meetingId);
  if (!m) {
    result.blocking.push({ code: "not-found", message: "Møtet finnes ikke." });
    return result;
  }
  const political = m.body.isPolitical;
  const bodyFormat = m.body.caseSeries?.format ?? null;

  // ── Blocking ──
  if (m.status === "CANCELLED") {
    result.blocking.push({
      code: "cancelled",
      message: "Møtet er avlyst. Det kan ikke sendes innkalling til et avlyst møte.",
    });
  }
  for (const item of m.items) {
    if (item.case?.isExempt && !item.case.exemptionBasis?.trim()) {
      result.blocking.push({
        code: "exempt-without-basis",
        message: `Saken ${itemName(item, bodyFormat)} er merket unntatt offentlighet, men mangler hjemmel. Oppgi hjemmel (f.eks. «offl. § 13, jf. fvl. § 13») eller fjern unntaket før innkallingen sendes.`,
      });
    }
    if (item.isClosed && !item.closedBasis?.trim()) {
      result.blocking.push({
        code: "closed-without-basis",
        message: `Saken ${itemName(item, bodyFormat)} skal behandles i lukket møte, men mangler hjemmel for lukking (kommuneloven § 11-5). Oppgi hjemmel før innkallingen sendes.`,
      });
    }
  }

  // ── Time and place: every body ──
  if (!m.endsAt) {
    result.warnings.push({
      code: "missing-end-time",
      message: "Møtet har ikke sluttidspunkt. Innkallingen bør oppgi når møtet starter og slutter.",
    });
  } else if (m.endsAt.getTime() <= m.startsAt.getTime()) {
    result.warnings.push({ code: "invalid-end-time", message: "Sluttidspunktet er ikke etter starttidspunktet." });
  }
  if (!m.location?.trim() && !m.remoteUrl?.trim()) {
    result.warnings.push({
      code: "missing-place",
      message: political
        ? "Møtested mangler. Innkallingen skal opplyse om tid og sted for møtet (kommuneloven § 11-3). Oppgi møtested eller lenke til digitalt møte."
        : "Møtested mangler. Oppgi møtested eller lenke til digitalt møte.",
    });
  }

  // ── Kommuneloven § 11-3: political bodies only ──
  if (political) {
    if (!m.items.some((i) => !STANDARD_TYPES.has(i.type))) {
      result.warnings.push({
        code: "empty-agenda",
        message: "Sakslisten har ingen saker utover godkjenning og eventuelt. Innkallingen skal inneholde saksliste (kommuneloven § 11-3).",
      });
    }

    const missingPapers = m.items.filter(
      (i) =>
        PAPER_TYPES.has(i.type) &&
        !i.case?.background?.trim() &&
        !i.case?.proposedDecision?.trim() &&
        itemAttachments(i).length === 0,
    );
    if (missingPapers.length) {
      result.warnings.push({
        code: "missing-documents",
        message: `Saksdokumenter mangler for ${listNames(missingPapers.map((i) => itemName(i, bodyFormat)))}: ingen saksframlegg, forslag til vedtak eller vedlegg. Saksdokumentene skal være tilgjengelige når innkallingen sendes (kommuneloven § 11-3).`,
      });
    }

    if (m.startsAt.getTime() < now.getTime()) {
      result.warnings.push({
        code: "meeting-in-past",
        message: `Møtet var ${formatDate(m.startsAt)} og har allerede startet eller er avholdt.`,
      });
    } else {
      const firstSent = m.noticeSentAt ?? now;
      const days = (m.startsAt.getTime() - firstSent.getTime()) / DAY_MS;
      if (days < MIN_NOTICE_DAYS) {
        result.warnings.push({
          code: "short-notice",
          message: `Innkallingen sendes mindre enn ${MIN_NOTICE_DAYS} dager før møtet. Kommuneloven § 11-3 krever at medlemmene får innkalling med rimelig tid.`,
        });
      } else if (m.noticeSentAt && (m.startsAt.getTime() - now.getTime()) / DAY_MS < MIN_NOTICE_DAYS) {
        result.warnings.push({
          code: "short-notice",
          message: `Den endrede innkallingen sendes mindre enn ${MIN_NOTICE_DAYS} dager før møtet. Nye saker må også komme med rimelig tid (kommuneloven § 11-3).`,
        });
      }
    }
  }

  // ── Who gets the notice: any body, political or not ──
  const invitees = inviteesAt(m.body.memberships, m.startsAt);
  if (invitees.length === 0) {
    result.warnings.push({
      code: "no-invitees",
      message: "Organet har ingen medlemmer registrert på møtedatoen, så ingen får innkallingen.",
    });
  }
  const invalid = invitees.filter((r) => r.invalidEmail);
  if (invalid.length) {
    result.warnings.push({
      code: "invitees-invalid-email",
      message: `Ugyldig e-postadresse for ${listNames(invalid.map((r) => `${r.name} («${r.invalidEmail}»)`))}. De får ikke innkallingen på e-post før adressen er rettet.`,
    });
  }
  const withoutEmail = invitees.filter((r) => !r.email && !r.invalidEmail);
  if (withoutEmail.length) {
    result.warnings.push({
      code: "invitees-without-email",
      message: `${listNames(withoutEmail.map((r) => r.name))} mangler e-postadresse og får ikke innkallingen på e-post.`,
    });
  }

  // ── Info ──
  result.info.push({
    code: "public-announcement",
    message: political
      ? "Møtet kunngjøres på den offentlige siden når innkallingen sendes (kommuneloven § 11-3)."
      : "Møtet og sakslisten blir synlige på den offentlige siden når innkallingen sendes.",
  });
  const exempt = m.items.filter(isItemExempt);
  if (exempt.length) {
    result.info.push({
      code: "exempt-items",
      message: `${listNames(exempt.map((i) => itemName(i, bodyFormat)))} er unntatt offentlighet eller skal behandles i lukket møte. Den offentlige innkallingen og PDF-en i e-posten viser bare tittel og hjemmel; de unntatte dokumentene må deles ut separat.`,
    });
  }
  const exemptAttachments = m.items.flatMap((i) => itemAttachments(i)).filter((a) => a.isExempt);
  if (exemptAttachments.some((a) => !a.exemptionBasis?.trim())) {
    result.warnings.push({
      code: "exempt-attachment-without-basis",
      message: `Vedlegg unntatt offentlighet uten hjemmel: ${listNames(exemptAttachments.filter((a) => !a.exemptionBasis?.trim()).map((a) => `«${a.fileName}»`))}.`,
    });
  }
  if (m.noticeSentAt) {
    result.info.push({
      code: "resend",
      message: `Innkallingen ble sendt ${formatDate(m.noticeSentAt)}. Sendes den på nytt, blir det versjon ${m._count.noticeVersions + 1} («Endret innkalling») med en oversikt over endringene.`,
    });
  }
  return result;
}
