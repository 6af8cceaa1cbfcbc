import "server-only";
import type { CaseType, MembershipRole, Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/server/db";
import type { Check } from "@/lib/meetings/legal-check";
import { inviteesAt, membershipsForInvitees } from "@/lib/meetings/notice";
import { itemNumberLabel } from "@/lib/minutes/build";

// What the secretariat is told before the referat/protokoll is approved. For political bodies the
// møtebok must show time and place, who met and who was absent, the items treated, every decision,
// the voting result, and the basis for closing the meeting (kommuneloven § 11-4).
//
// Administrative bodies (KDU, fagteam, arbeidsgrupper) are not bound by chapter 11, but a referat
// without time, place, attendance or decisions is just as useless to the member municipalities, so
// those checks warn for every body; only the voting rule is left out, because administrative bodies
// decide by consensus and have no counted votes to record. Nothing here blocks approval: the
// secretariat may know better (an orientation that really ended without a conclusion).

export type MinutesChecks = { warnings: Check[]; info: Check[] };

const VOTING_ROLES: ReadonlySet<MembershipRole> = new Set(["LEDER", "NESTLEDER", "MEDLEM"]);

/** Item types whose treatment ends in a decision the møtebok must carry. */
const DECISION_TYPES: ReadonlySet<CaseType> = new Set(["VEDTAKSSAK", "GODKJENNING", "VALG", "ORIENTERINGSSAK"]);

// Matches "Godkjenning av referat fra …", and the protokoll/møtebok wording other councils use.
const APPROVES_MINUTES_TITLE = /^\s*godkjenning\s+av\s+(referat|protokoll|møtebok)/iu;

// The same fallback as buildMinutesDocument, so the warnings name items as the referat prints them.
const DEFAULT_FORMAT = "Sak {n}/{yy}";

const minutesCheckSelect = {
  startsAt: true,
  endsAt: true,
  location: true,
  remoteUrl: true,
  body: {
    select: {
      isPolitical: true,
      caseSeries: { select: { format: true } },
      memberships: membershipsForInvitees,
    },
  },
  attendances: { select: { personId: true, substituteForId: true, status: true, person: { select: { name: true } } } },
  minutes: { select: { signedByChairId: true } },
  items: {
    where: { status: "ACTIVE" },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      number: true,
      year: true,
      title: true,
      type: true,
      isClosed: true,
      closedBasis: true,
      approvesMinutesOfId: true,
      series: { select: { format: true } },
      decision: {
        select: {
          kind: true,
          text: true,
          voting: true,
          proposals: { select: { votesFor: true, adopted: true } },
        },
      },
    },
  },
} satisfies Prisma.MeetingSelect;

type ItemRow = Prisma.MeetingGetPayload<{ select: typeof minutesCheckSelect }>["items"][number];

function listNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} og ${names.at(-1)}`;
}

const blank = (s: string | null | undefined) => !s?.trim();

function needsDecision(item: ItemRow): boolean {
  if (item.type === "DROFTINGSSAK") {
    // An innstilling is not how a drøfting ends; the referat needs the conclusion drawn in this body.
    return !item.decision || item.decision.kind === "INNSTILLING" || blank(item.decision.text);
  }
  return DECISION_TYPES.has(item.type) && (!item.decision || blank(item.decision.text));
}

export async function checkMinutes(db: Db | Tx, meetingId: string): Promise<MinutesChecks> {
  const result: MinutesChecks = { warnings: [], info: [] };
  const m = await db.meeting.findUnique({ where: { id: meetingId }, select: minutesCheckSelect });
  if (!m) {
    result.warnings.push({ code: "not-found", message: "Møtet finnes ikke." });
    return result;
  }
  const political = m.body.isPolitical;
  const law = (text: string) => (political ? ` ${text}` : "");
  const format = m.body.caseSeries?.format ?? DEFAULT_FORMAT;
  const itemName = (item: ItemRow) => {
    const label = itemNumberLabel(item, format);
    return label ? `${label} «${item.title}»` : `saken «${item.title}»`;
  };

  // ── Time and place ──
  if (!m.endsAt) {
    result.warnings.push({
      code: "end-time",
      message: `Sluttidspunkt mangler. Oppgi når møtet sluttet.${law("Møteboka skal vise tid for møtet (kommuneloven § 11-4).")}`,
    });
  } else if (m.endsAt.getTime() <= m.startsAt.getTime()) {
    result.warnings.push({ code: "end-time-invalid", message: "Sluttidspunktet er ikke etter starttidspunktet." });
  }
  if (blank(m.location) && blank(m.remoteUrl)) {
    result.warnings.push({
      code: "place",
      message: `Møtested mangler. Oppgi møtested eller at møtet var digitalt.${law("Møteboka skal vise sted for møtet (kommuneloven § 11-4).")}`,
    });
  }

  // ── Attendance ──
  if (m.attendances.length === 0) {
    result.warnings.push({
      code: "attendance-none",
      message: `Ingen deltakere er registrert. Registrer hvem som møtte og hvem som hadde forfall.${law("Møteboka skal vise hvem som møtte og hvem som var fraværende (kommuneloven § 11-4).")}`,
    });
  } else {
    // A member is accounted for by their own row (møtt, digitalt or forfall) or by a vara who met for them.
    const accounted = new Set<string>();
    for (const a of m.attendances) {
      accounted.add(a.personId);
      if (a.substituteForId) accounted.add(a.substituteForId);
    }
    const missing = inviteesAt(m.body.memberships, m.startsAt).filter((r) => VOTING_ROLES.has(r.role) && !accounted.has(r.personId));
    if (missing.length) {
      result.warnings.push({
        code: "attendance-missing",
        message: `Ikke registrert som møtt eller forfall: ${listNames(missing.map((r) => r.name))}.${law("Møteboka skal vise hvem som møtte og hvem som var fraværende (kommuneloven § 11-4).")}`,
      });
    }
  }

  // The chair signs for having led the meeting; the register offers everyone, so a slip of the
  // list (or a leader with forfall kept from an earlier draft) is caught here. With nobody
  // registered yet, the line above already says what to do.
  const chairId = m.minutes?.signedByChairId;
  if (chairId && m.attendances.length > 0) {
    const row = m.attendances.find((a) => a.personId === chairId);
    if (!row || row.status === "ABSENT") {
      const name = row?.person.name ?? (await db.person.findUnique({ where: { id: chairId }, select: { name: true } }))?.name ?? "Personen";
      result.warnings.push({
        code: "chair-not-present",
        message: `${name} skal underskrive som møteleder, men står ${row ? "med forfall" : "ikke"} i deltakerlisten. Velg den som ledet møtet, eller rett deltakerlisten.`,
      });
    }
  }

  for (const item of m.items) {
    const name = itemName(item);

    // ── Decisions ──
    if (needsDecision(item)) {
      result.warnings.push({
        code: "decision-missing",
        message:
          item.type === "DROFTINGSSAK"
            ? `Konklusjon mangler i ${name}. Før inn konklusjonen eller vedtaket fra drøftingen.`
            : `Vedtak mangler i ${name}.${law("Møteboka skal inneholde alle vedtak som ble truffet (kommuneloven § 11-4).")}`,
      });
    }

    // ── Voting result: kommuneloven § 11-4, political bodies only ──
    // A decision without text is already reported above; its voting is not worth a second line.
    const d = item.decision;
    if (political && d && (d.kind === "VEDTAK" || d.kind === "INNSTILLING") && !blank(d.text)) {
      if (d.voting === "NONE") {
        result.warnings.push({
          code: "voting-missing",
          message: `Voteringsresultat mangler i ${name}. Oppgi om vedtaket var enstemmig eller hvordan det ble stemt (kommuneloven § 11-4).`,
        });
      } else if (d.voting === "VOTERING") {
        if (d.proposals.length === 0 || d.proposals.some((p) => p.votesFor === null)) {
          result.warnings.push({
            code: "votes-missing",
            message:
              d.proposals.length === 0
                ? `Stemmetall mangler i ${name}: ingen forslag er registrert i voteringen. Før inn forslagene og stemmetallene (kommuneloven § 11-4).`
                : `Stemmetall mangler i ${name}: minst ett forslag har ikke antall stemmer for (kommuneloven § 11-4).`,
          });
        }
        // With no proposals at all the line above already says what to do.
        if (d.proposals.length > 0 && !d.proposals.some((p) => p.adopted)) {
          result.warnings.push({
            code: "no-adopted",
            message: `Ingen forslag er markert som vedtatt i ${name}. Marker forslaget som fikk flertall.`,
          });
        }
      }
    }

    // ── Closed treatment ──
    if (item.isClosed && blank(item.closedBasis)) {
      result.warnings.push({
        code: "closed-basis",
        message: `Hjemmel for lukket behandling mangler i ${name}.${law("Møteboka skal vise hjemmelen for å lukke møtet (kommuneloven § 11-4, jf. § 11-5).")}`,
      });
    }

    // ── Info ──
    if (item.type === "GODKJENNING" && !item.approvesMinutesOfId && APPROVES_MINUTES_TITLE.test(item.title)) {
      result.info.push({
        code: "approves-link",
        message: `${name.charAt(0).toUpperCase()}${name.slice(1)} er ikke knyttet til et referat. Velg hvilket referat saken godkjenner, så viser det referatet hvor det ble godkjent.`,
      });
    }
  }
  return result;
}
