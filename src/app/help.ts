import type { Person } from "../domain/org.js";
import type { Translator } from "../i18n/index.js";
import { type HelpEntry, helpView } from "../views/common-views.js";
import type { View } from "../views/view.js";
import type { Feature } from "./feature.js";

/** The core's help lines for this person: only the commands their role may use. */
function coreLines(person: Person, t: Translator): { first: HelpEntry[]; last: HelpEntry[] } {
  const refers = person.role !== "tcManager";
  const first: HelpEntry[] = [
    ...(refers
      ? [
          {
            label: t("help.henvis_usage"),
            value: t("help.henvis"),
            shortcut: { label: t("help.button.henvis"), command: "henvis" },
          },
          { label: t("help.henvis_form_usage"), value: t("help.henvis_form") },
        ]
      : []),
    {
      label: t("help.mine_usage"),
      value: t("help.mine"),
      shortcut: { label: t("help.button.mine"), command: "mine" },
    },
    ...(person.role === "advisor"
      ? [{ label: t("help.fravaer_usage"), value: t("help.fravaer") }]
      : []),
  ];
  const last: HelpEntry[] = [
    { label: t("help.sprog_usage"), value: t("help.sprog") },
    { label: t("help.hjaelp_usage"), value: t("help.hjaelp") },
  ];
  return { first, last };
}

/** Every help line this person gets, the core's and the features', in the order shown. */
export function helpLines(person: Person, t: Translator, features: Feature[]): HelpEntry[] {
  const { first, last } = coreLines(person, t);
  return [...first, ...features.flatMap((f) => f.help({ person, t })), ...last];
}

/** `/hjælp` (or the answer to an unknown command or button): the person's commands as a card. */
export function helpFor(person: Person, t: Translator, features: Feature[], intro?: string): View {
  return helpView(t, helpLines(person, t, features), intro);
}

/** The card a person gets on first contact: a greeting and the buttons for their main commands. */
export function welcomeFor(person: Person, t: Translator, features: Feature[]): View {
  const firstName = person.name.split(" ")[0] ?? person.name;
  return helpView(
    t,
    helpLines(person, t, features),
    t("welcome.intro"),
    t("welcome.title", { name: firstName }),
  );
}
