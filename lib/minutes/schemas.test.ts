import { describe, expect, it } from "vitest";
import { attendanceRegisterSchema } from "@/lib/minutes/schemas";

describe("attendanceRegisterSchema", () => {
  it("puts the missing «vara for» on the row's own field, as saveAttendanceAction names it (rows, index, field)", () => {
    const row = { attendanceId: "cmx7m8z3y001yor7dvh9ams6s", status: "SUBSTITUTE", roleLabel: "", substituteForId: "", arrivedAtItemId: "", leftAfterItemId: "", note: "" };
    const parsed = attendanceRegisterSchema.safeParse({ meetingId: "cmx7m8z3y001yor7dvh9ams6t", fingerprint: "f", rows: [{ ...row, status: "PRESENT" }, row] });
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues.find((i) => i.message === "Velg hvem varamedlemmet møtte for.");
    expect(issue?.path).toEqual(["rows", 1, "substituteForId"]);
  });
});
