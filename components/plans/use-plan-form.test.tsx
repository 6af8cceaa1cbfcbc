import { describe, expect, it } from "vitest";
import { checkedAfterError } from "@/components/plans/use-plan-form";

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
