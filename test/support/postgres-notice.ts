/** vitest globalSetup: says once, at the start, whether the PostgreSQL tests run. */
export default function setup(): void {
  if (process.env.TEST_DATABASE_URL?.trim()) return;
  if (process.env.CI === "true") {
    throw new Error(
      "CI=true but TEST_DATABASE_URL is not set: the PostgreSQL tests must run in CI (.ci/run starts a server).",
    );
  }
  process.stdout.write(
    "\nPostgreSQL tests are SKIPPED: TEST_DATABASE_URL is not set. Run them with `npm run test:pg` (starts a throwaway PostgreSQL server), or set TEST_DATABASE_URL=postgres://... to a server where the user may create databases.\n\n",
  );
}
