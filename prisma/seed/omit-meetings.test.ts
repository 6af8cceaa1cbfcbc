import { describe, expect, it } from "vitest";
import { actionItems, meetings, type DemoMeeting } from "./demo-data";
import { parseOmitMeetings, withoutMeetings, type DemoMeetingData } from "./omit-meetings";

const data: DemoMeetingData = { meetings, actionItems };
const byKey = (d: DemoMeetingData, key: string) => d.meetings.find((m) => m.key === key);

describe("withoutMeetings", () => {
  it("returns the data itself when nothing is omitted", () => {
    expect(withoutMeetings(data, [])).toBe(data);
  });

  it("refuses an unknown meeting key", () => {
    expect(() => withoutMeetings(data, ["au-2022-01-71"])).toThrow(/ukjent møte «au-2022-01-71»/);
  });

  describe("without the meeting of 17 January 2022", () => {
    const before = structuredClone(data);
    const out = withoutMeetings(data, ["au-2022-01-17"]);

    it("leaves out the meeting with its items, attendance and minutes", () => {
      expect(out.meetings.map((m) => m.key)).toEqual(["au-2021-11-01", "ipr-2022-02-07", "au-2027-01-18"]);
    });

    it("leaves out the action items that came from it, and keeps the others", () => {
      expect(out.actionItems.some((a) => a.origin?.meeting === "au-2022-01-17")).toBe(false);
      expect(out.actionItems).toEqual(actionItems.filter((a) => a.origin?.meeting !== "au-2022-01-17"));
      expect(out.actionItems).toHaveLength(actionItems.length - 5);
    });

    it("drops the items it proposed for the IPR meeting, and keeps the rest of that meeting as it was", () => {
      const ipr = byKey(out, "ipr-2022-02-07")!;
      const original = byKey(data, "ipr-2022-02-07")!;
      expect(ipr.items.map((i) => i.title)).toEqual(["Personalsak – konfidensielt (demo)"]);
      expect(ipr.items[0]).toBe(original.items.at(-1));
      expect(out.meetings.flatMap((m) => m.items).some((i) => i.proposedFrom === "au-2022-01-17")).toBe(false);
      const { items: _a, ...rest } = ipr;
      const { items: _b, ...originalRest } = original;
      expect(rest).toEqual(originalRest);
    });

    it("puts the minutes of 1 November 2021, which its sak 2/22 approved, back to sent for comment", () => {
      const nov = byKey(out, "au-2021-11-01")!;
      expect(nov.minutes).toEqual({ status: "SENT_FOR_COMMENT", documentTitle: "Referat", introduction: "" });
      expect(nov.status).toBe("MINUTES_DRAFT");
      expect(nov).toMatchObject({ title: "Ordfører-rådmanns/kommunedirektørmøte", startsAt: "2021-11-01T13:00:00Z", items: [] });
    });

    it("keeps the coming meeting unchanged", () => {
      expect(byKey(out, "au-2027-01-18")).toBe(byKey(data, "au-2027-01-18"));
    });

    it("does not change the demo data it was given", () => {
      expect(data).toEqual(before);
      expect(byKey(data, "au-2021-11-01")!.minutes!.status).toBe("APPROVED");
    });
  });

  it("omitting a meeting nothing depends on leaves every other meeting and action item as it was", () => {
    const out = withoutMeetings(data, ["ipr-2022-02-07"]);
    expect(out.meetings).toEqual(meetings.filter((m) => m.key !== "ipr-2022-02-07"));
    expect(out.meetings.every((m) => meetings.includes(m))).toBe(true);
    expect(out.actionItems).toEqual(actionItems);
  });

  it("keeps items that are already on another sakskart, without the link to the omitted meeting", () => {
    const a: DemoMeeting = {
      key: "au-2021-11-01",
      body: "rrAu",
      startsAt: "2021-11-01T13:00:00Z",
      status: "MINUTES_APPROVED",
      minutes: { status: "APPROVED", documentTitle: "Referat", introduction: "", approvalMethod: "ELECTRONIC", approvedAt: "2021-11-02T10:00:00Z" },
      items: [{ position: 1, title: "Forslag", type: "VEDTAKSSAK", status: "PROPOSED" }],
    };
    const b: DemoMeeting = {
      key: "au-2022-01-17",
      body: "rrAu",
      startsAt: "2022-01-17T13:00:00Z",
      status: "PLANNED",
      items: [
        { position: 1, title: "Aktiv sak foreslått av a", type: "VEDTAKSSAK", proposedFrom: "au-2021-11-01" },
        { position: 2, title: "Foreslått av a", type: "VEDTAKSSAK", status: "PROPOSED", proposedFrom: "au-2021-11-01" },
        { position: 3, title: "Godkjenning av referat", type: "GODKJENNING", approvesMinutesOf: "au-2021-11-01" },
      ],
    };
    const out = withoutMeetings({ meetings: [a, b], actionItems: [] }, ["au-2021-11-01"]);
    expect(out.meetings).toEqual([
      {
        ...b,
        items: [
          { position: 1, title: "Aktiv sak foreslått av a", type: "VEDTAKSSAK" },
          { position: 3, title: "Godkjenning av referat", type: "GODKJENNING" },
        ],
      },
    ]);
  });
});

describe("parseOmitMeetings", () => {
  it("reads a comma-separated list and ignores blanks", () => {
    expect(parseOmitMeetings(undefined)).toEqual([]);
    expect(parseOmitMeetings("")).toEqual([]);
    expect(parseOmitMeetings(" au-2022-01-17 , ,ipr-2022-02-07")).toEqual(["au-2022-01-17", "ipr-2022-02-07"]);
  });
});
