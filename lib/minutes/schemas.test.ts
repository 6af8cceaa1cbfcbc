import { describe, expect, it } from "vitest";
import { attendanceRegisterSchema, proposalSchema } from "@/lib/minutes/schemas";

describe("attendanceRegisterSchema", () => {
  it("puts the missing «vara for» on the row's own field, as saveAttendanceAction names it (rows, index, field)", () => {
    const row = { attendanceId: "cmx7m8z3y001yor7dvh9ams6s", status: "SUBSTITUTE", roleLabel: "", substituteForId: "", arrivedAtItemId: "", leftAfterItemId: "", note: "" };
    const parsed = attendanceRegisterSchema.safeParse({ meetingId: "cmx7m8z3y001yor7dvh9ams6t", fingerprint: "f", rows: [{ ...row, status: "PRESENT" }, row] });
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues.find((i) => i.message === "Velg hvem varamedlemmet møtte for.");
    expect(issue?.path).toEqual(["rows", 1, "substituteForId"]);
  });

  const base = { attendanceId: "cmx7m8z3y001yor7dvh9ams6s", roleLabel: "", substituteForId: "", arrivedAtItemId: "", leftAfterItemId: "", note: "" };
  const item = "cmx7m8z3y001yor7dvh9ams6u";
  const issues = (row: Record<string, string>) => {
    const parsed = attendanceRegisterSchema.safeParse({ meetingId: "cmx7m8z3y001yor7dvh9ams6t", fingerprint: "f", rows: [{ ...base, ...row }] });
    return parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join("."), i.message]);
  };

  it("refuses «vara for» on someone who did not meet as vara, instead of dropping it on save", () => {
    expect(issues({ status: "PRESENT", substituteForId: "cmx7m8z3y001yor7dvh9ams6v" })).toEqual([["rows.0.substituteForId", expect.stringContaining("Bare et varamedlem møter for noen")]]);
    expect(issues({ status: "SUBSTITUTE", substituteForId: "cmx7m8z3y001yor7dvh9ams6v" })).toEqual([]);
  });

  it("refuses «kom til» and «gikk etter» for someone with forfall", () => {
    expect(issues({ status: "ABSENT", arrivedAtItemId: item, leftAfterItemId: item }).map(([path]) => path)).toEqual(["rows.0.arrivedAtItemId", "rows.0.leftAfterItemId"]);
    expect(issues({ status: "PRESENT", arrivedAtItemId: item, leftAfterItemId: item })).toEqual([]);
    expect(issues({ status: "ABSENT" })).toEqual([]);
  });
});

describe("proposalSchema vote counts", () => {
  const parse = (votesFor: unknown) => proposalSchema.safeParse({ proposedBy: null, text: "Forslag", votesFor, votesAgainst: null, votersFor: null, adopted: true });
  it("refuses what is not a whole number with a message, so the editor can keep what was typed", () => {
    expect(parse("12a").error?.issues[0].message).toBe("Skriv et helt tall, eller la feltet stå tomt.");
    expect(parse("-2").error?.issues[0].message).toBe("Tallet kan ikke være negativt.");
    expect(parse("2,5").error?.issues[0].message).toBe("Skriv et helt tall, eller la feltet stå tomt.");
    expect(parse(" 7 ").data?.votesFor).toBe(7);
    expect(parse("").data?.votesFor).toBeNull();
  });
});
