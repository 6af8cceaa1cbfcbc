import type { MinutesProposal } from "@/lib/minutes/minutes-model";

/**
 * One proposal as the minutes state it, for the web page and the PDF alike: counts not recorded
 * are left out rather than shown as "?", and one vote is «1 stemme».
 */
export function proposalLine(p: MinutesProposal): string {
  const who = p.proposedBy?.trim() ? `Forslag fra ${p.proposedBy.trim()}` : "Forslag";
  const counts = [
    p.votesFor !== null ? `${p.votesFor} ${p.votesFor === 1 ? "stemme" : "stemmer"} for` : null,
    p.votesAgainst !== null ? `${p.votesAgainst} mot` : null,
  ].filter(Boolean);
  const tally = counts.length ? ` – ${counts.join(", ")}` : "";
  const voters = p.votersFor?.trim() ? ` (for: ${p.votersFor.trim()})` : "";
  return `${who}: ${p.text.trim()}${tally}${voters}. ${p.adopted ? "Vedtatt." : "Falt."}`;
}
