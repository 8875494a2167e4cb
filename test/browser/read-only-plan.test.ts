import { expect, it } from "vitest";
import { actAs, say, useLocalChatPage, WAIT } from "../support/local-chat-page.js";

const chat = useLocalChatPage();

/** A date a week ahead in Copenhagen, as dd.mm.yyyy. */
function weekAhead(): string {
  const day = new Date(Date.now() + 7 * 86_400_000);
  return day.toLocaleDateString("da-DK", {
    timeZone: "Europe/Copenhagen",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  });
}

it("a business developer reads the house's plan and meeting date without buttons, and is told who moves the date", async () => {
  const { server, page } = chat.current();
  const post = async (path: string, body: Record<string, unknown>) => {
    const res = await fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
  };
  const year = String(new Date().getFullYear());
  await post("/local/actions", {
    from: "mgr-fyn",
    action: "plan.goal.submit",
    data: { house: "Fyn", year, track: "A", title: "Eksportparate", target: "30", unit: "stk" },
  });
  const date = weekAhead().replace(/-/g, ".");
  await post("/local/messages", { from: "adv-fyn-1", text: `/statusmøde ${date}` });

  await actAs(page, "bd-fyn-1");
  await say(page, "/handlingsplan");
  const plan = page.locator(".msg.bot:not(.notice)").filter({ hasText: "Du kan se planen." });
  await plan.waitFor(WAIT);
  await plan.getByText("Mål A: Eksportparate").waitFor(WAIT);
  expect(await plan.locator("button").count()).toBe(0);

  await say(page, "/statusmøde 31.12.2099");
  await page
    .locator(".msg.bot:not(.notice)")
    .filter({ hasText: "Det er rådgiverne, der sætter datoen for statusmødet." })
    .waitFor(WAIT);
  const meeting = page
    .locator(".msg.bot:not(.notice)")
    .filter({ hasText: "Statusmøde for Erhvervshus Fyn" })
    .last();
  await meeting.getByText(date).waitFor(WAIT);
  await meeting
    .getByText("Det er rådgiverne i Erhvervshus Fyn, der sætter og flytter datoen")
    .waitFor(WAIT);
}, 60_000);
