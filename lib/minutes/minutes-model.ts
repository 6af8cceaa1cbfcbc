import type { FollowUpList } from "@/lib/meetings/notice-model";

// The referat/protokoll as plain data: built once from the database (lib/minutes/build.ts), then
// rendered as HTML (components/minutes/minutes-document.tsx), PDF (lib/documents/minutes-pdf.ts) and
// hashed at approval (lib/minutes/content-hash.ts) from this same object, so the formats cannot disagree.
// Exempt content is already removed in the public version: `redacted` items carry only title and basis.

export type MinutesAudience = "public" | "internal";

export type MinutesParticipant = {
  organization: string | null;
  name: string;
  role: string; // "Ordfører (leder IPR)", "Kommunedirektør", "Regionrådsadministrator"
  status: "PRESENT" | "REMOTE" | "ABSENT" | "SUBSTITUTE";
  /** For a substitute: the member they met for. */
  substituteFor: string | null;
  isGuest: boolean;
  isSecretariat: boolean;
  /** "Kom til sak 3/22", "Gikk etter sak 5/22" */
  arrivedAt: string | null;
  leftAfter: string | null;
  note: string | null;
};

export type MinutesProposal = {
  proposedBy: string | null;
  text: string;
  votesFor: number | null;
  votesAgainst: number | null;
  votersFor: string | null;
  adopted: boolean;
};

export type MinutesDecision = {
  kind: "VEDTAK" | "INNSTILLING" | "KONKLUSJON";
  heading: string; // "Vedtak", "Innstilling", "Oppsummering av innspill og konklusjon"
  text: string; // Markdown
  voting: "NONE" | "ENSTEMMIG" | "VOTERING";
  proposals: MinutesProposal[];
};

export type MinutesItem = {
  id: string;
  numberLabel: string | null; // "Sak 4/22"
  title: string;
  type: string;
  typeLabel: string;
  presenter: string | null;
  redacted: boolean;
  exemptionBasis: string | null;
  isClosed: boolean;
  closedBasis: string | null;
  noticeText: string | null;
  notes: string | null; // Markdown
  decision: MinutesDecision | null;
  disqualifications: { name: string; basis: string }[];
  /** Runde rundt bordet: one contribution per member organisation, and who did not report. */
  roundTable: { organization: string; text: string; submittedInAdvance: boolean }[];
  roundTableMissing: string[];
  actionItems: { title: string; responsible: string; dueDate: Date | null }[];
  /** "Forslag til saker til <organ> <dato>": items this one put on a later meeting. */
  proposedItems: { title: string; meetingLabel: string }[];
  /** For "Godkjenning av referat": the minutes it approves. */
  approvesMinutesOf: { meetingLabel: string } | null;
  /** "Oppfølging av vedtak": the list as frozen with the notice. */
  followUpList?: FollowUpList;
};

export type MinutesDocument = {
  meetingId: string;
  minutesId: string;
  audience: MinutesAudience;
  councilName: string;
  bodyName: string;
  isPolitical: boolean;
  documentTitle: string; // "Referat" or "Protokoll"
  startsAt: Date;
  endsAt: Date | null;
  timeLabel: string; // "mandag 17. januar 2022 kl. 14.00–15.30"
  location: string | null;
  remoteUrl: string | null;
  participants: MinutesParticipant[];
  introduction: string; // Markdown
  items: MinutesItem[];
  signatures: { name: string; label: string }[];
  status: "DRAFT" | "SENT_FOR_COMMENT" | "APPROVED";
  version: number;
  approval: {
    approvedAt: Date;
    method: "NEXT_MEETING" | "ELECTRONIC" | null;
    /** "Godkjent i sak 2/22 i møtet 7. februar 2022" or "Godkjent elektronisk av Knut Martin Glesne" */
    label: string;
    approvedVersion: number | null;
    contentHash: string | null;
  } | null;
  errata: { text: string; createdAt: Date }[];
  publishedAt: Date | null;
};
