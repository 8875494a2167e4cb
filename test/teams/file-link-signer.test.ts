import { describe, expect, it } from "vitest";
import { FILE_LINK_TTL_MS, FileLinkSigner } from "../../src/adapters/files/signed-links.js";

const ID = `fil_${"a".repeat(32)}`;
const params = (query: string) => Object.fromEntries(new URLSearchParams(query));

describe("signed report links", () => {
  it("open the file they were made for until 15 minutes have passed, then no more", () => {
    let now = Date.parse("2026-12-03T09:00:00Z");
    const signer = new FileLinkSigner("k".repeat(32), () => now);
    const { exp, sig } = params(signer.query(ID));
    expect(signer.allows(ID, exp, sig)).toBe(true);
    now += FILE_LINK_TTL_MS - 1000;
    expect(signer.allows(ID, exp, sig)).toBe(true);
    now += 1000;
    expect(signer.allows(ID, exp, sig)).toBe(false);
  });

  it("refuse another file's id, a moved expiry, a changed signature, another key and missing parts", () => {
    const signer = new FileLinkSigner("k".repeat(32));
    const { exp, sig } = params(signer.query(ID));
    expect(signer.allows(`fil_${"b".repeat(32)}`, exp, sig)).toBe(false);
    expect(signer.allows(ID, String(Number(exp) + 3600), sig)).toBe(false);
    // The first character carries six whole bits (the last one of 43 only four, so changing it
    // may decode to the same bytes), and the change must make it another character.
    const changed = `${sig?.startsWith("A") ? "B" : "A"}${sig?.slice(1)}`;
    expect(signer.allows(ID, exp, changed)).toBe(false);
    expect(new FileLinkSigner("x".repeat(32)).allows(ID, exp, sig)).toBe(false);
    expect(new FileLinkSigner(undefined).allows(ID, exp, sig)).toBe(false);
    expect(signer.allows(ID, undefined, sig)).toBe(false);
    expect(signer.allows(ID, exp, undefined)).toBe(false);
  });
});
