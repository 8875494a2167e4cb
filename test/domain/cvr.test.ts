import { describe, expect, it } from "vitest";
import { parseCvr } from "../../src/domain/cvr.js";

describe("parseCvr", () => {
  it.each([
    ["10150817", "10150817"],
    ["41726393", "41726393"],
    ["  10150817 ", "10150817"],
    ["\t41726393\n", "41726393"],
    ["DK10150817", "10150817"],
    ["DK-10150817", "10150817"],
    ["dk 10150817", "10150817"],
    ["1015 0817", "10150817"],
    ["10 15 08 17", "10150817"],
    ["1015-0817", "10150817"],
    ["CVR 41726393", "41726393"],
    ["cvr: 41726393", "41726393"],
  ])("accepts %j as %s", (input, cvr) => {
    expect(parseCvr(input)).toEqual({ ok: true, cvr });
  });

  it.each([
    ["10150818", "CVR.CHECKSUM"],
    ["41726394", "CVR.CHECKSUM"],
    ["1015081", "CVR.LENGTH"],
    ["101508170", "CVR.LENGTH"],
    ["１０１５０８１７", "CVR.NOT_DIGITS"],
    ["00000000", "CVR.ALL_ZERO"],
    ["01015081", "CVR.LEADING_ZERO"],
    ["1015O817", "CVR.NOT_DIGITS"],
    ["abcdefgh", "CVR.NOT_DIGITS"],
    ["10 15 08 18", "CVR.CHECKSUM"],
    ["DK1015081", "CVR.NOT_DIGITS"],
    ["-1015081", "CVR.NOT_DIGITS"],
    ["DK-1015081", "CVR.NOT_DIGITS"],
    ["DK 10150818", "CVR.CHECKSUM"],
    ["1015 0818", "CVR.CHECKSUM"],
    ["DK 01015081", "CVR.LEADING_ZERO"],
    ["00 00 00 00", "CVR.ALL_ZERO"],
    ["10 15 08 17 0", "CVR.NOT_DIGITS"],
    ["DE10150817", "CVR.NOT_DIGITS"],
    ["10150817DK", "CVR.NOT_DIGITS"],
    ["10_15_08_17", "CVR.NOT_DIGITS"],
    ["", "CVR.EMPTY"],
    ["   ", "CVR.EMPTY"],
  ])("refuses %j with %s", (input, code) => {
    expect(parseCvr(input)).toEqual({ ok: false, code });
  });
});
