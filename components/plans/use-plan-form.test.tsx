import { describe, expect, it } from "vitest";
import { changedByOther } from "@/components/plans/use-plan-form";
import { checkedAfterError } from "@/lib/forms";

describe("a checkbox after a failed save", () => {
  it("keeps a box the user unticked, though the form data has no entry for it", () => {
    expect(checkedAfterError({ title: "", indicators: "" }, "resourceAnchored", "title", true)).toBe(false);
    expect(checkedAfterError({ title: "", resourceAnchored: "on" }, "resourceAnchored", "title", false)).toBe(true);
  });

  it("shows the saved state when no form came back", () => {
    expect(checkedAfterError({}, "resourceAnchored", "title", true)).toBe(true);
    expect(checkedAfterError({}, "resourceAnchored", "title", false)).toBe(false);
  });
});

describe("the stored version after a save conflict", () => {
  it("lists the fields the other person stored differently, not those only differing in line breaks or spaces", () => {
    const changed = changedByOther([
      { label: "Overskrift", typed: "Bakgrunn", stored: "Bakgrunn og mandat" },
      { label: "Tekst", typed: "Første avsnitt.\r\n\r\nAndre avsnitt. ", stored: "Første avsnitt.\n\nAndre avsnitt." },
      { label: "Undertittel", typed: "", stored: null },
      { label: "Indikatorer", typed: "Antall møter", stored: null },
      { label: "Ikke i skjemaet", typed: undefined, stored: "noe" },
    ]);
    expect(changed).toEqual([
      { label: "Overskrift", stored: "Bakgrunn og mandat" },
      { label: "Indikatorer", stored: "" },
    ]);
  });
});
