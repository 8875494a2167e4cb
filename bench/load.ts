const REQUEST_TIMEOUT_MS = 30_000;

/** One `/henvis` to send: who sends it and the text. */
export interface Henvis {
  from: string;
  text: string;
}

/** What a load run measured. */
export interface LoadResult {
  latencies: number[];
  failures: number;
  /** The first few failures, for the report. */
  samples: string[];
  wallMs: number;
}

/** A reply counts as success when it is 200 and says the handover was sent. */
function isSent(body: unknown): boolean {
  const replies = (body as { replies?: { text?: string }[] } | null)?.replies;
  return (
    Array.isArray(replies) &&
    replies.some((r) => /Henvisning sendt|Handover sent/.test(r.text ?? ""))
  );
}

/**
 * Sends every request through POST /local/messages with `concurrency` in flight; requests not
 * started before `deadline` (performance.now()) are counted as failures.
 */
export async function runLoad(
  url: string,
  requests: readonly Henvis[],
  concurrency: number,
  deadline: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const samples: string[] = [];
  let failures = 0;
  let next = 0;
  const fail = (why: string) => {
    failures++;
    if (samples.length < 5) samples.push(why);
  };
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++];
      if (!request) break;
      if (performance.now() > deadline) {
        fail("not sent: overall timeout");
        continue;
      }
      const t0 = performance.now();
      try {
        const res = await fetch(`${url}/local/messages`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(request),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        const body: unknown = await res.json().catch(() => null);
        latencies.push(performance.now() - t0);
        if (res.status !== 200) fail(`HTTP ${res.status}: ${JSON.stringify(body).slice(0, 200)}`);
        else if (!isSent(body)) fail(`not sent: ${JSON.stringify(body).slice(0, 300)}`);
      } catch (error) {
        fail(`error: ${(error as Error).message}`);
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return { latencies, failures, samples, wallMs: performance.now() - started };
}

/** The p-th percentile (nearest rank) of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ??
    Number.NaN
  );
}
