// The innkalling as plain data: built from the database once (lib/meetings/notice.ts), then rendered
// as HTML, PDF, e-mail and ICS from this same object so the formats cannot disagree.
// Exempt content is already removed here: `redacted` items carry only title and legal basis.

import type { FollowUpRow } from "@/lib/follow-up/snapshot";

/** "Oppfølging av vedtak": the body's action items as of the notice (frozen) or of now (a preview). */
export type FollowUpList = { asOf: Date; frozen: boolean; rows: FollowUpRow[] };

export type NoticeInvitee = {
  organization: string | null;
  name: string;
  role: string; // "Ordfører (leder IPR)", "Kommunedirektør"
  substitutes: string[]; // names of varamedlemmer for this member, in order
};

export type NoticeItem = {
  numberLabel: string | null; // "Sak 4/22", "5." or null before numbering
  title: string;
  typeLabel: string; // "Vedtakssak", "Orienteringssak", …
  presenter: string | null; // "v/ Stig Rune Kroken"
  redacted: boolean;
  exemptionBasis: string | null; // "offl. § 13, jf. fvl. § 13"
  noticeText: string | null; // e.g. "Innkalling ble utsendt pr. e-post 11. januar 2022"
  background: string | null; // saksframlegg, Markdown
  proposedDecision: string | null; // forslag til vedtak / innstilling, Markdown
  // id links the file (/filer/<id>) on the web page; the PDF names the file only.
  attachments: { id?: string; fileName: string; sizeBytes?: number }[];
  followUp?: FollowUpList;
};

export type NoticeDocument = {
  meetingId: string;
  councilName: string;
  bodyName: string;
  isPolitical: boolean;
  startsAt: Date;
  endsAt: Date | null;
  timeLabel: string; // "mandag 17. januar 2022 kl. 14.00–15.30"
  location: string | null;
  remoteUrl: string | null;
  invitees: NoticeInvitee[];
  items: NoticeItem[];
  absenceInstructions: string; // how to report forfall
  sentAt: Date | null;
  url: string | null; // public URL of the notice
  version: number; // notice version (resending after changes gives a new one)
  /** Set once the meeting is called off: every format of the notice then says so, with the reason. */
  cancelled: { reason: string | null } | null;
};
