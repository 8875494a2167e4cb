import type { Clock } from "../../ports/clock.js";
import type { CompanyLookup } from "../../ports/company-lookup.js";
import { CachedLookup } from "./cached-lookup.js";
import { CvrapiLookup } from "./cvrapi-lookup.js";
import { DistributionLookup } from "./distribution-lookup.js";
import { DEMO_COMPANIES_FILE, FixtureLookup, loadFixtureFile } from "./fixture-lookup.js";

/** Which CVR register to use and how to reach it, as read from the environment. */
export interface CompanyLookupConfig {
  source: "fixture" | "cvrapi" | "distribution";
  fixtureFile?: string;
  cvrapiUrl?: string;
  cvrapiUserAgent?: string;
  distributionUrl?: string;
  distributionUser?: string;
  distributionPassword?: string;
}

/** Builds the configured register client behind a cache; throws a sentence naming the missing variable. */
export function createCompanyLookup(config: CompanyLookupConfig, clock: Clock): CompanyLookup {
  return new CachedLookup(createSource(config), clock);
}

function createSource(config: CompanyLookupConfig): CompanyLookup {
  switch (config.source) {
    case "fixture":
      return new FixtureLookup(loadFixture(config.fixtureFile));
    case "cvrapi": {
      const userAgent = required(config.cvrapiUserAgent, "CVRAPI_USER_AGENT", "cvrapi");
      if (userAgent.split(" - ").filter((part) => part.trim() !== "").length < 3) {
        throw new Error(
          'CVRAPI_USER_AGENT must read "Company - Project - Contact"; cvrapi.dk refuses other User-Agents.',
        );
      }
      return new CvrapiLookup({ baseUrl: config.cvrapiUrl || undefined, userAgent });
    }
    case "distribution":
      return new DistributionLookup({
        baseUrl: config.distributionUrl || undefined,
        user: required(config.distributionUser, "CVR_DISTRIBUTION_USER", "distribution"),
        password: required(
          config.distributionPassword,
          "CVR_DISTRIBUTION_PASSWORD",
          "distribution",
        ),
      });
    default:
      throw new Error(
        `CVR_SOURCE must be "fixture", "cvrapi" or "distribution", not "${String(config.source)}".`,
      );
  }
}

function loadFixture(file: string | undefined) {
  if (!file) return loadFixtureFile(DEMO_COMPANIES_FILE);
  try {
    return loadFixtureFile(file);
  } catch (error) {
    throw new Error(`CVR_FIXTURE_FILE points at an unusable file. ${(error as Error).message}`);
  }
}

function required(value: string | undefined, name: string, source: string): string {
  if (value === undefined || value.trim() === "") {
    throw new Error(`${name} is missing; it is required when CVR_SOURCE is "${source}".`);
  }
  return value;
}
