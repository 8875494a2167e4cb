/** Makes unique, URL-safe ids with a readable prefix ("hv_…"). */
export interface IdGenerator {
  next(prefix: string): string;
}
