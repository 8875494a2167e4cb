import type { HouseId, Person } from "./org.js";

/** The people the bot knows, with look-ups by every id a platform gives. */
export class PeopleDirectory {
  private readonly byId = new Map<string, Person>();
  private readonly byKey = new Map<string, Person>();

  constructor(readonly people: readonly Person[]) {
    for (const p of people) {
      this.byId.set(p.id, p);
      if (p.slackUserId) this.byKey.set(`slack:${p.slackUserId}`, p);
      if (p.aadObjectId) this.byKey.set(`aad:${p.aadObjectId.toLowerCase()}`, p);
      if (p.email) this.byKey.set(`email:${p.email.toLowerCase()}`, p);
    }
  }

  get(id: string): Person | undefined {
    return this.byId.get(id);
  }

  bySlackUser(id: string): Person | undefined {
    return this.byKey.get(`slack:${id}`);
  }

  byAadObjectId(id: string): Person | undefined {
    return this.byKey.get(`aad:${id.toLowerCase()}`);
  }

  byEmail(email: string): Person | undefined {
    return this.byKey.get(`email:${email.toLowerCase()}`);
  }

  advisors(): Person[] {
    return this.people.filter((p) => p.role === "advisor");
  }

  /** The business developers of a house, who may claim TC->EH handovers. */
  businessDevelopers(house: HouseId): Person[] {
    return this.people.filter((p) => p.role === "businessDeveloper" && p.house === house);
  }

  coordinator(): Person | undefined {
    return this.people.find((p) => p.coordinator);
  }
}
