import { openLowdbStore } from "../../src/adapters/storage/lowdb-store.js";

/** One of several processes that try to open the same DATA_FILE at the same instant. */
const [file = "", startAt = "0"] = process.argv.slice(2);
while (Date.now() < Number(startAt)) await new Promise((r) => setTimeout(r, 1));
try {
  const store = await openLowdbStore(file);
  process.stdout.write("got\n");
  await new Promise((r) => setTimeout(r, 1500));
  await store.close();
} catch (error) {
  process.stdout.write(`refused ${(error as Error).message}\n`);
}
