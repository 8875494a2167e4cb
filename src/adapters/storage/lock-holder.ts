import { readFileSync, readlinkSync } from "node:fs";
import { hostname } from "node:os";
import { errorCode } from "./durable-file-adapter.js";

/** Who holds a lock: enough to tell a live holder from a dead one whose pid was reused. */
export interface Holder {
  pid: number;
  host: string;
  /** The kernel's boot id: pids only mean something within one boot. */
  bootId: string;
  /** The pid namespace: pids only mean something within one namespace (container). */
  pidNs: string;
  /** The process's start time in clock ticks since boot; a reused pid has another. */
  startTime: string;
}

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, "utf8").trim();
  } catch {
    return fallback;
  }
}

/** A process's start time from /proc (field 22 of stat), or "" where there is no /proc. */
export function startTimeOf(pid: number): string {
  const stat = readOr(`/proc/${pid}/stat`, "");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? "";
}

/** The holder record of this process. */
export function thisProcess(): Holder {
  let pidNs = "";
  try {
    pidNs = readlinkSync("/proc/self/ns/pid");
  } catch {
    pidNs = "";
  }
  return {
    pid: process.pid,
    host: hostname(),
    bootId: readOr("/proc/sys/kernel/random/boot_id", ""),
    pidNs,
    startTime: startTimeOf(process.pid),
  };
}

/** A holder record read from a lock file, or undefined when it is not one. */
export function parseHolder(text: string): Holder | undefined {
  try {
    const h = JSON.parse(text) as Partial<Holder>;
    if (typeof h.pid !== "number" || h.pid <= 0) return undefined;
    return {
      pid: h.pid,
      host: String(h.host ?? ""),
      bootId: String(h.bootId ?? ""),
      pidNs: String(h.pidNs ?? ""),
      startTime: String(h.startTime ?? ""),
    };
  } catch {
    return undefined;
  }
}

/**
 * Whether the holder still runs. In our pid namespace and boot: its pid is alive with the same
 * start time (so neither a dead holder nor a reused pid blocks a restart). Elsewhere (another
 * container or machine): its lock was touched within `foreignStaleMs`.
 */
export function holderAlive(
  holder: Holder,
  me: Holder,
  lockAgeMs: number,
  foreignStaleMs: number,
): boolean {
  const sameSpace =
    holder.bootId === me.bootId && holder.pidNs === me.pidNs && holder.host === me.host;
  if (!sameSpace) return lockAgeMs < foreignStaleMs;
  if (holder.pid === me.pid) return false;
  if (!pidAlive(holder.pid)) return false;
  const now = startTimeOf(holder.pid);
  return now === "" || holder.startTime === "" || now === holder.startTime;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === "EPERM";
  }
}
