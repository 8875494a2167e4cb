import { dirname, resolve } from "node:path";
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

/** The refusal when DATA_FILE's directory cannot be created or written: names the directory and why. */
export function unwritableDirectory(dataFile: string, error: unknown): StoreOpenError {
  const code = error instanceof Error && "code" in error ? String(error.code) : String(error);
  const why = code === "EROFS" ? "it is on a read-only file system" : `the system said ${code}`;
  return new StoreOpenError(
    `DATA_FILE ${dataFile}: its directory ${dirname(resolve(dataFile))} cannot be written (${why}); Eksportbro needs to write its data file, journal and lock there. Make the directory writable for this user, or point DATA_FILE elsewhere.`,
  );
}

/** The data file's lock is no longer this process's: nothing more is written, and users are told. */
export class StoreLockLostError extends DomainError {
  constructor(readonly detail: string) {
    super("STORE.LOCK_LOST");
    this.name = "StoreLockLostError";
    this.message = detail;
  }
}
