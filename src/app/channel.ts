/** The chat a request came through, named by its adapter; the core keeps it only for the audit log. */
export type Channel = "slack" | "teams" | "local";
