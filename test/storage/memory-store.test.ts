import { openMemoryStore } from "../../src/adapters/storage/memory-store.js";
import { storeContract } from "./store-contract.js";

storeContract("memory twin", { open: async () => openMemoryStore() });
