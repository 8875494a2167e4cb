/** The data file cannot be opened safely; the message names the file and what to do. */
export class StoreOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreOpenError";
  }
}

/** The sentence every refusal ends with, so operators know the file was left untouched. */
export const REFUSAL = "refusing to start so real data is not overwritten";
