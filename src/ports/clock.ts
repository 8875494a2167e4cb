/** The only source of time for the core (DESIGN.md rule 5). */
export interface Clock {
  now(): Date;
}
