import { expect, it } from "vitest";
import { actAs, say, useLocalChatPage, WAIT } from "../support/local-chat-page.js";

const chat = useLocalChatPage();

it("a second /henvis of a company offers a note to the holder, who is told who wrote what", async () => {
  const { server, page } = chat.current();
  const first = await fetch(`${server.url}/local/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      from: "bd-midtjylland-1",
      text: "/henvis 10150817 Vil eksportere til Tyskland",
    }),
  });
  expect(first.status).toBe(200);

  await actAs(page, "bd-midtjylland-2");
  await say(page, "/henvis 10150817 Messe i Hamborg");
  const duplicate = page
    .locator(".msg.bot:not(.notice)")
    .filter({ hasText: "Der er allerede en åben henvisning" });
  await duplicate.waitFor(WAIT);
  await duplicate.getByRole("button", { name: "Skriv en note til Camilla Dam Poulsen" }).click();

  const form = page.locator(".msg.bot:not(.notice)").filter({ hasText: "Din note" }).last();
  await form.waitFor(WAIT);
  await form.getByRole("button", { name: "Send", exact: true }).click();
  await form.getByText("Skal udfyldes.").waitFor(WAIT);
  await form.getByLabel("Din note").fill("De skal også på messe i Hamborg i marts.");
  await form.getByRole("button", { name: "Send", exact: true }).click();
  await page
    .locator(".msg.bot:not(.notice)")
    .filter({ hasText: "Din note er sendt til Camilla Dam Poulsen." })
    .waitFor(WAIT);

  await actAs(page, "adv-midtjylland-1");
  const notice = page.locator(".msg.bot.notice").filter({ hasText: "Note om Nordlys" });
  await notice.waitFor(WAIT);
  // biome-ignore lint/performance/useDomNodeTextContent: a Playwright Locator; the rendered text is the point
  const shown = await notice.innerText();
  expect(shown).toContain(
    "Julie Lund Eriksen ville henvise Nordlys Maskinfabrik A/S (CVR 10150817), som du allerede har, og skriver:",
  );
  expect(shown).toContain("De skal også på messe i Hamborg i marts.");
}, 60_000);
