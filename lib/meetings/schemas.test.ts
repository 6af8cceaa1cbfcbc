import { describe, expect, it } from "vitest";
import { addItemSchema, createMeetingSchema, DST_GAP_MESSAGE, meetingPlanSchema, updateItemSchema } from "@/lib/meetings/schemas";

// The first message per field, as the forms show it (lib/authz/guards.ts invalid()).
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => {
  const out: Record<string, string> = {};
  for (const i of r.error?.issues ?? []) out[String(i.path[0] ?? "_")] ??= i.message;
  return out;
};

describe("meeting form rules", () => {
  it("accepts a normal meeting and turns empty optional fields into null", () => {
    const r = createMeetingSchema.safeParse({ bodyId: "b", date: "2027-01-18", startTime: "14:00", endTime: "", location: " ", remoteUrl: "" });
    expect(r.success && r.data).toMatchObject({ endTime: null, location: null, remoteUrl: null });
  });

  it("explains bad input in Norwegian, on the field", () => {
    const r = createMeetingSchema.safeParse({ bodyId: "", date: "18.01.2027", startTime: "25:00", endTime: "", location: "", remoteUrl: "javascript:alert(1)" });
    expect(issues(r)).toEqual({
      bodyId: "Velg organ.",
      date: "Skriv datoen som åååå-mm-dd.",
      startTime: "Skriv klokkeslett som tt:mm, for eksempel 14:00.",
      remoteUrl: "Lenken må begynne med https://",
    });
  });

  it("wants the end after the start", () => {
    const r = createMeetingSchema.safeParse({ bodyId: "b", date: "2027-01-18", startTime: "14:00", endTime: "13:00", location: "", remoteUrl: "" });
    expect(issues(r)).toEqual({ endTime: "Sluttid må være etter starttid." });
  });
});

describe("Oslo time", () => {
  it("refuses the hour the clocks skip in spring, and accepts the hour they repeat in autumn", () => {
    const gap = createMeetingSchema.safeParse({ bodyId: "b", date: "2027-03-28", startTime: "02:30", endTime: "03:15", location: "", remoteUrl: "" });
    expect(issues(gap).startTime).toBe(DST_GAP_MESSAGE);
    const end = createMeetingSchema.safeParse({ bodyId: "b", date: "2027-03-28", startTime: "01:30", endTime: "02:15", location: "", remoteUrl: "" });
    expect(issues(end).endTime).toBe(DST_GAP_MESSAGE);
    expect(createMeetingSchema.safeParse({ bodyId: "b", date: "2027-03-28", startTime: "03:00", endTime: "04:00", location: "", remoteUrl: "" }).success).toBe(true);
    expect(createMeetingSchema.safeParse({ bodyId: "b", date: "2027-10-31", startTime: "02:30", endTime: "03:30", location: "", remoteUrl: "" }).success).toBe(true);
    // An impossible date is the date's error only.
    expect(issues(createMeetingSchema.safeParse({ bodyId: "b", date: "2027-02-30", startTime: "10:00", endTime: "", location: "", remoteUrl: "" }))).toEqual({ date: "Datoen finnes ikke." });
  });
});

describe("møteplan", () => {
  it("reads one meeting per line", () => {
    const r = meetingPlanSchema.safeParse({
      bodyId: "b",
      lines: "2027-01-18 14:00-15:30 Kommunehuset i Krødsherad\n\n2027-03-01 09:00 Teams\r\n2027-05-10 10:00–12:00",
    });
    expect(r.success && r.data.lines).toEqual([
      { date: "2027-01-18", startTime: "14:00", endTime: "15:30", location: "Kommunehuset i Krødsherad" },
      { date: "2027-03-01", startTime: "09:00", endTime: null, location: "Teams" },
      { date: "2027-05-10", startTime: "10:00", endTime: "12:00", location: null },
    ]);
  });

  it("names the line that is wrong", () => {
    const r = meetingPlanSchema.safeParse({ bodyId: "b", lines: "2027-01-18 14:00\n18. januar kl 14" });
    expect(issues(r).lines).toContain("Linje 2 («18. januar kl 14»)");
  });

  it("reports every bad line at once, and an impossible date as such", () => {
    const r = meetingPlanSchema.safeParse({ bodyId: "b", lines: "2027-02-30 14:00\n2027-03-01 09:00\n2027-03-08 15:00-14:00\nneste møte" });
    expect(issues(r).lines).toBe(
      "Linje 1: datoen 2027-02-30 finnes ikke. Linje 3: sluttid må være etter starttid. Linje 4 («neste møte») må se slik ut: 2027-01-18 14:00-15:30 Sted.",
    );
  });

  it("refuses a time that does not exist in Oslo (the spring-forward hour), and a too long place", () => {
    const r = meetingPlanSchema.safeParse({ bodyId: "b", lines: `2027-03-28 02:30-03:30\n2027-03-29 02:30\n2027-04-05 10:00 ${"x".repeat(201)}` });
    expect(issues(r).lines).toBe(
      "Linje 1: klokkeslettet finnes ikke denne dagen: klokka stilles fram fra 02.00 til 03.00 (sommertid). Linje 3: stedet kan ikke være lengre enn 200 tegn.",
    );
  });

  it("lists at most five bad lines and counts the rest", () => {
    const r = meetingPlanSchema.safeParse({ bodyId: "b", lines: Array.from({ length: 8 }, (_, i) => `møte ${i + 1}`).join("\n") });
    expect(issues(r).lines).toMatch(/^Linje 1 .*Linje 5 [^]*… og 3 linjer til\.$/);
    expect(issues(r).lines).not.toContain("Linje 6");
  });
});

describe("case rules", () => {
  it("requires a legal basis for exempt cases and closed treatment", () => {
    expect(issues(addItemSchema.safeParse({ meetingId: "m", title: "Personalsak", type: "VEDTAKSSAK", presenter: "", isExempt: "on", exemptionBasis: "" }))).toHaveProperty("exemptionBasis");
    const r = updateItemSchema.safeParse({ itemId: "i", itemVersion: "1", caseVersion: "", title: "Sak", type: "VEDTAKSSAK", presenter: "", isExempt: "", exemptionBasis: "", isClosed: "on", closedBasis: "" });
    expect(issues(r)).toHaveProperty("closedBasis");
  });

  it("accepts a standard item, whose form has no case fields at all", () => {
    // "Godkjenning av innkalling" has no case: the form sends no background, decision or exemption fields.
    const r = updateItemSchema.safeParse({ itemId: "i", itemVersion: "1", caseVersion: "", title: "Godkjenning av innkalling", type: "GODKJENNING", presenter: "", noticeText: "Innkalling ble utsendt pr. e-post 11. januar 2022", closedBasis: "" });
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ isExempt: false, exemptionBasis: null, background: "" });
  });
});
