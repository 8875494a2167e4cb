import { DomainError } from "../../domain/errors.js";

/** The data file cannot be opened safely; the message names the file and what to do. */
export class StoreOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreOpenError";
  }
}

/** The sentence every refusal ends with, so operators know the file was left untouched. */
export const REFUSAL = "refusing to start so real data is not overwritten";

/** The data file's lock is no longer this process's: nothing more is written, and users are told. */
export class StoreLockLostError extends DomainError {
  constructor(readonly detail: string) {
    super("STORE.LOCK_LOST");
    this.name = "StoreLockLostError";
    this.message = detail;
  }
}
