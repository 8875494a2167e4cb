import { type TeamsChannelAccount, TeamsInfo, type TurnContext } from "botbuilder";
import type { PeopleDirectory } from "../../domain/directory.js";
import type { Person } from "../../domain/org.js";

/**
 * The directory person behind an activity: by Entra (AAD) object id, else by the UPN or e-mail
 * Teams gives for the member. Undefined for someone the directory does not know.
 */
export async function identify(
  context: TurnContext,
  directory: PeopleDirectory,
): Promise<Person | undefined> {
  const from = context.activity.from;
  if (!from?.id) return undefined;
  const byAad = from.aadObjectId ? directory.byAadObjectId(from.aadObjectId) : undefined;
  if (byAad) return byAad;
  let member: TeamsChannelAccount;
  try {
    member = await TeamsInfo.getMember(context, from.id);
  } catch {
    return undefined;
  }
  if (member.aadObjectId) {
    const person = directory.byAadObjectId(member.aadObjectId);
    if (person) return person;
  }
  for (const mail of [member.email, member.userPrincipalName])
    if (mail) {
      const person = directory.byEmail(mail);
      if (person) return person;
    }
  return undefined;
}
