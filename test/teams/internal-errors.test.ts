import { describe, expect, it } from "vitest";
import { messageActivity, TENANT } from "../support/teams-activities.js";
import { referrer, useTeams } from "./teams-support.js";

const teams = useTeams({ LOG_LEVEL: "info" });

describe("a Teams turn that fails inside the bot", () => {
  it("answers a translated 500 that names nothing internal, and logs the failure once", async () => {
    teams.connector.failNext(5, 500);
    const activity = messageActivity(referrer, "hjælp", `${teams.connector.url}/emea/${TENANT}/`);
    const res = await teams.post(activity);
    const body = await res.text();
    expect(res.status).toBe(500);
    expect(JSON.parse(body)).toEqual({
      error:
        "Noget gik galt hos Eksportbro, og din handling blev ikke gennemført. Prøv igen om lidt.",
    });
    // The child's log line may reach the pipe a moment after the answer.
    await expect.poll(() => teams.server.output().stdout).toContain("Teams activity failed");
    expect(teams.server.output().stdout.split("Teams activity failed").length - 1).toBe(1);
  });
});
