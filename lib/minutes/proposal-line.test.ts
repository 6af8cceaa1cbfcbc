import { describe, expect, it } from "vitest";
import { proposalLine } from "@/lib/minutes/proposal-line";

describe("a proposal in the minutes", () => {
  const base = { proposedBy: "Ap", text: "Saken utsettes.", votesFor: null, votesAgainst: null, votersFor: null, adopted: false };

  it("leaves out counts that were not recorded instead of printing «?»", () => {
    expect(proposalLine({ ...base, votersFor: "Ap, Sp" })).toBe("Forslag fra Ap: Saken utsettes. (for: Ap, Sp). Falt.");
    expect(proposalLine({ ...base, votesAgainst: 3 })).toBe("Forslag fra Ap: Saken utsettes. – 3 mot. Falt.");
  });

  it("says «1 stemme» and «12 stemmer»", () => {
    expect(proposalLine({ ...base, votesFor: 1, votesAgainst: 11 })).toBe("Forslag fra Ap: Saken utsettes. – 1 stemme for, 11 mot. Falt.");
    expect(proposalLine({ ...base, proposedBy: null, votesFor: 12, votesAgainst: 0, adopted: true })).toBe("Forslag: Saken utsettes. – 12 stemmer for, 0 mot. Vedtatt.");
  });
});
