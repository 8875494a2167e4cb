import { openMemoryStore } from "../../src/adapters/storage/memory-store.js";
import { forgetContract } from "./forget-contract.js";
import { storeContract } from "./store-contract.js";

storeContract("memory twin", { open: async () => openMemoryStore() });
forgetContract("memory twin", { open: async () => openMemoryStore() });
