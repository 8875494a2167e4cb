import { describe, expect, it } from "vitest";
import table from "../../src/domain/danish-holidays.json" with { type: "json" };
import { danishHolidaysTable } from "../../src/domain/danish-holidays-source.js";
import { parseDateInput } from "../../src/domain/date-input.js";
import { addMonths, cycleAfterMeeting, rollOver } from "../../src/domain/status-cycle.js";
import {
  addWorkingDays,
  copenhagenInstant,
  isWorkingDay,
  nextSendTime,
} from "../../src/domain/working-days.js";

describe("working days in Denmark", () => {
  it("skips weekends and the public holidays of Easter, Ascension, Whitsun and Christmas", () => {
    for (const day of ["2027-03-25", "2027-03-26", "2027-03-29", "2027-05-06", "2027-05-17"])
      expect(isWorkingDay(day), day).toBe(false);
    for (const day of ["2026-12-25", "2027-01-01", "2027-03-27", "2027-03-28"])
      expect(isWorkingDay(day), day).toBe(false);
    // Store Bededag was abolished from 2024; Christmas Eve and Constitution Day are not public holidays.
    for (const day of ["2027-04-23", "2026-12-24", "2026-06-05", "2027-03-24", "2027-03-30"])
      expect(isWorkingDay(day), day).toBe(true);
  });

  it("holds the holidays date-holidays gives for 2000-2099 (run `npm run holidays` after updating it)", () => {
    expect(table).toEqual(danishHolidaysTable(2000, 2099));
  });

  it("asks date-holidays for a year beyond the table", () => {
    // Easter 2100 is 28 March: Maundy Thursday, Good Friday, Easter Monday and Ascension (6 May).
    for (const day of ["2100-03-25", "2100-03-26", "2100-03-29", "2100-05-06"])
      expect(isWorkingDay(day), day).toBe(false);
    for (const day of ["2100-03-24", "2100-03-30", "2100-12-27"])
      expect(isWorkingDay(day), day).toBe(true);
  });

  it("counts working days forwards and backwards across Easter and Christmas", () => {
    expect(addWorkingDays("2027-04-07", -10)).toBe("2027-03-19");
    expect(addWorkingDays("2027-03-24", 1)).toBe("2027-03-30");
    expect(addWorkingDays("2026-12-23", 2)).toBe("2026-12-28");
    expect(addWorkingDays("2026-12-31", 1)).toBe("2027-01-04");
    expect(addWorkingDays("2027-05-05", 0)).toBe("2027-05-05");
  });

  it("puts 09:00 Copenhagen time at 08:00 UTC in winter and 07:00 UTC in summer, also on the switch days", () => {
    expect(copenhagenInstant("2027-03-27").toISOString()).toBe("2027-03-27T08:00:00.000Z");
    expect(copenhagenInstant("2027-03-28").toISOString()).toBe("2027-03-28T07:00:00.000Z");
    expect(copenhagenInstant("2027-10-30").toISOString()).toBe("2027-10-30T07:00:00.000Z");
    expect(copenhagenInstant("2027-10-31").toISOString()).toBe("2027-10-31T08:00:00.000Z");
  });

  it("sends at the next 09:00 on a working day", () => {
    const next = (iso: string) => nextSendTime(new Date(iso)).toISOString();
    expect(next("2027-03-24T07:59:00Z")).toBe("2027-03-24T08:00:00.000Z");
    expect(next("2027-03-24T08:00:00Z")).toBe("2027-03-24T08:00:00.000Z");
    // After 09:00 on the Wednesday before Easter: Tuesday after Easter, now in summer time.
    expect(next("2027-03-24T08:00:01Z")).toBe("2027-03-30T07:00:00.000Z");
    expect(next("2027-10-29T15:00:00Z")).toBe("2027-11-01T08:00:00.000Z");
  });
});

describe("the half-year cycle", () => {
  it("anchors the next meeting six months after the last, inside the next half-year", () => {
    const cycle = { id: "Fyn" as const, period: "2026H2" as const, target: "2026-12-31" };
    expect(cycleAfterMeeting(cycle, "2026-09-15")).toMatchObject({
      period: "2027H1",
      target: "2027-03-15",
    });
    expect(cycleAfterMeeting(cycle, "2026-12-28")).toMatchObject({
      period: "2027H1",
      target: "2027-06-28",
    });
    expect(cycleAfterMeeting(cycle, "2027-01-12")).toMatchObject({
      period: "2027H1",
      target: "2027-06-30",
    });
    expect(cycleAfterMeeting(cycle, "2026-07-02")).toMatchObject({
      period: "2027H1",
      target: "2027-01-02",
    });
    expect(addMonths("2026-08-31", 6)).toBe("2027-02-28");
  });

  it("moves a half-year that ended without a meeting date on, but waits for an answer when a date was set", () => {
    const cycle = { id: "Fyn" as const, period: "2026H2" as const, target: "2026-12-31" };
    expect(rollOver(cycle, "2027-01-01")).toMatchObject({ period: "2027H1", target: "2027-06-30" });
    expect(rollOver({ ...cycle, meetingDate: "2027-01-10" }, "2027-01-20").period).toBe("2026H2");
    // Nobody answered "was it held?" for 30 days: the next half-year starts, nothing recorded as held.
    const moved = rollOver(
      { ...cycle, meetingDate: "2026-12-10", setBy: "adv-fyn-1" },
      "2027-01-10",
    );
    expect(moved).toEqual({ id: "Fyn", period: "2027H1", target: "2027-06-30" });
    expect(rollOver({ ...cycle, meetingDate: "2026-12-10" }, "2027-01-09").period).toBe("2026H2");
  });
});

describe("dates typed in chat", () => {
  it("reads the Danish and the ISO way and refuses what is no date", () => {
    expect(parseDateInput("17.12.2026")).toBe("2026-12-17");
    expect(parseDateInput("1.2.2027")).toBe("2027-02-01");
    expect(parseDateInput("17/12-2026")).toBe("2026-12-17");
    expect(parseDateInput("2026-12-17")).toBe("2026-12-17");
    for (const bad of ["31.02.2027", "17.12", "i morgen", "2026-13-01", "17.12.26"])
      expect(parseDateInput(bad), bad).toBeUndefined();
  });
});
