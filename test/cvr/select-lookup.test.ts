import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CachedLookup } from "../../src/adapters/cvr/cached-lookup.js";
import { createCompanyLookup } from "../../src/adapters/cvr/select-lookup.js";
import type { Cvr } from "../../src/domain/cvr.js";
import { type FakeCvrServer, startFakeCvrapi } from "../fakes/fake-cvr-servers.js";

const clock = { now: () => new Date(Date.UTC(2026, 10, 27)) };
const UA = "Eksportbro - Handover bot - it@example.dk";

describe("createCompanyLookup", () => {
  let server: FakeCvrServer;
  beforeAll(async () => {
    server = await startFakeCvrapi();
  });
  afterAll(() => server.close());

  it("uses the shipped demo companies behind a cache by default", async () => {
    const lookup = createCompanyLookup({ source: "fixture" }, clock);
    expect(lookup).toBeInstanceOf(CachedLookup);
    expect(await lookup.lookup("10150817" as Cvr)).toMatchObject({
      kind: "found",
      company: { name: "Nordlys Maskinfabrik A/S" },
    });
  });

  it("reads CVR_FIXTURE_FILE when it is set", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "eksportbro-select-")), "companies.json");
    writeFileSync(
      file,
      JSON.stringify([{ cvr: "12345674", name: "Prøvefirma ApS", status: "active" }]),
    );
    const lookup = createCompanyLookup({ source: "fixture", fixtureFile: file }, clock);
    expect(await lookup.lookup("12345674" as Cvr)).toMatchObject({ kind: "found" });
    expect(await lookup.lookup("10150817" as Cvr)).toEqual({ kind: "not_found" });
  });

  it("names CVR_FIXTURE_FILE when that file is unusable", () => {
    expect(() =>
      createCompanyLookup({ source: "fixture", fixtureFile: "/nonexistent/companies.json" }, clock),
    ).toThrow(/CVR_FIXTURE_FILE/);
  });

  it("reaches cvrapi at CVRAPI_URL with CVRAPI_USER_AGENT", async () => {
    const lookup = createCompanyLookup(
      { source: "cvrapi", cvrapiUrl: server.url, cvrapiUserAgent: UA },
      clock,
    );
    expect((await lookup.lookup("41726393" as Cvr)).kind).toBe("found");
    expect(server.requests.at(-1)?.headers["user-agent"]).toBe(UA);
  });

  it("names CVRAPI_USER_AGENT when it is missing or not in the required form", () => {
    expect(() => createCompanyLookup({ source: "cvrapi" }, clock)).toThrow(
      /CVRAPI_USER_AGENT is missing/,
    );
    expect(() => createCompanyLookup({ source: "cvrapi", cvrapiUserAgent: "node" }, clock)).toThrow(
      /CVRAPI_USER_AGENT must read/,
    );
  });

  it("names the missing distribution credentials", () => {
    expect(() =>
      createCompanyLookup({ source: "distribution", distributionPassword: "x" }, clock),
    ).toThrow(/CVR_DISTRIBUTION_USER is missing/);
    expect(() =>
      createCompanyLookup({ source: "distribution", distributionUser: "x" }, clock),
    ).toThrow(/CVR_DISTRIBUTION_PASSWORD is missing/);
    expect(
      createCompanyLookup(
        { source: "distribution", distributionUser: "x", distributionPassword: "y" },
        clock,
      ),
    ).toBeInstanceOf(CachedLookup);
  });

  it("names CVR_SOURCE when the source is unknown", () => {
    const config = { source: "ldap" } as unknown as Parameters<typeof createCompanyLookup>[0];
    expect(() => createCompanyLookup(config, clock)).toThrow(/CVR_SOURCE/);
  });
});
