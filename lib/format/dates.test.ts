import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatDate, formatLogTime, formatMeetingTime, formatUtcTime, osloDateString, osloYearOf } from "@/lib/format/dates";

describe("Oslo dates", () => {
  it("writes the seed meeting the way the minutes do", () => {
    expect(formatMeetingTime(new Date("2022-01-17T13:00:00Z"), new Date("2022-01-17T14:30:00Z"))).toBe(
      "mandag 17. januar 2022 kl. 14.00–15.30",
    );
  });

  it("uses summer time after the spring change and winter time after the autumn change", () => {
    // 29 March 2026 is the spring change: 10:00 Oslo is 08:00Z; 25 October back: 10:00 Oslo is 09:00Z.
    expect(formatMeetingTime(new Date("2026-03-30T08:00:00Z"))).toBe("mandag 30. mars 2026 kl. 10.00");
    expect(formatMeetingTime(new Date("2026-10-26T09:00:00Z"))).toBe("mandag 26. oktober 2026 kl. 10.00");
  });

  it("shows a late-evening UTC instant on the next Oslo day", () => {
    expect(formatDate(new Date("2022-01-10T23:30:00Z"))).toBe("11. januar 2022");
  });

  it("keeps calendar dates on their own day", () => {
    expect(formatCalendarDate(new Date("2022-02-22T00:00:00Z"))).toBe("22. februar 2022");
  });
});

describe("form input in Oslo time", () => {
  it("turns wall-clock input into the right instant on both sides of DST", async () => {
    const { osloLocalToDate, dateToOsloInputs } = await import("@/lib/format/dates");
    expect(osloLocalToDate("2022-01-17", "14:00").toISOString()).toBe("2022-01-17T13:00:00.000Z");
    expect(osloLocalToDate("2026-06-15", "14:00").toISOString()).toBe("2026-06-15T12:00:00.000Z");
    expect(dateToOsloInputs(new Date("2026-06-15T12:00:00Z"))).toEqual({ date: "2026-06-15", time: "14:00" });
  });

  it("writes log times to the second, in Oslo and as stored in UTC", () => {
    const at = new Date("2026-07-01T21:59:59.250Z");
    expect(formatLogTime(at)).toBe("01.07.2026 kl. 23.59.59");
    expect(formatUtcTime(at)).toBe("2026-07-01 21:59:59 UTC");
  });
});

describe("today in Oslo", () => {
  it("is already the new year and the new day after midnight Oslo time, while UTC is still in the old one", () => {
    const newYearsNight = new Date("2026-12-31T23:30:00Z"); // 00.30 on 1 January 2027 in Oslo
    expect(osloDateString(newYearsNight)).toBe("2027-01-01");
    expect(osloYearOf(newYearsNight)).toBe(2027);
    const summerNight = new Date("2026-06-30T22:30:00Z"); // 00.30 on 1 July in summer time
    expect(osloDateString(summerNight)).toBe("2026-07-01");
    expect(osloDateString(new Date("2026-06-30T21:30:00Z"))).toBe("2026-06-30");
  });
});
