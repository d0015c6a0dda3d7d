/**
 * Debounced, cancellable diagnostics per document.
 *
 * Every change re-arms the document's timer and cancels the job that was
 * waiting, so a burst of changes (fast typing, a multi-cursor edit sent as
 * many notifications, a paste) is analysed once, for the last version, and a
 * result for an outdated version is never published.
 *
 * The delay adapts to the document. While its analysis is fast (the last one
 * took at most `slowMs`), the delay is `minDelay` (2 ms): long enough that a
 * request the editor sends right behind the change (completion after „§ “,
 * hover) is answered before the analysis runs, short enough that a keystroke
 * is published at once. A document whose analysis is slow waits as long as
 * its last analysis took (at most `maxDelay`), so the server spends at most
 * about half its time analysing while someone types in it. A fixed delay can
 * be set instead (initialization option `diagnosticsDelay`).
 */

export interface JobToken {
  readonly isCancellationRequested: boolean;
}

interface Pending {
  timer: ReturnType<typeof setTimeout>;
  token: { isCancellationRequested: boolean };
}

export interface SchedulerOptions {
  /** Fixed delay in ms; when undefined the delay adapts to the last analysis time. */
  fixedDelay?: number;
  minDelay?: number;
  maxDelay?: number;
  /** An analysis slower than this (ms) makes the next delay as long as the analysis. */
  slowMs?: number;
  /** Called once no analysis is waiting any more, after the last one ran (the server collects garbage then: idle-gc.ts). */
  idle?: () => void;
}

export class DiagnosticsScheduler {
  private readonly pending = new Map<string, Pending>();
  private readonly lastCost = new Map<string, number>();
  private fixedDelay: number | undefined;
  private readonly minDelay: number;
  private readonly maxDelay: number;
  private readonly slowMs: number;
  private readonly idle: (() => void) | undefined;
  private idleQueued = false;

  /** `run` analyses and publishes one document; it should check the token before publishing. */
  constructor(
    private readonly run: (uri: string, token: JobToken) => void,
    options: SchedulerOptions = {},
  ) {
    this.fixedDelay = options.fixedDelay;
    this.minDelay = options.minDelay ?? 2;
    this.maxDelay = options.maxDelay ?? 250;
    this.slowMs = options.slowMs ?? 50;
    this.idle = options.idle;
  }

  setFixedDelay(ms: number | undefined): void {
    this.fixedDelay = ms;
  }

  delayFor(uri: string): number {
    if (this.fixedDelay !== undefined) return this.fixedDelay;
    const cost = this.lastCost.get(uri) ?? 0;
    return cost > this.slowMs ? Math.min(this.maxDelay, Math.round(cost)) : this.minDelay;
  }

  /** (Re-)schedule the document's analysis; a job still waiting for it is cancelled. */
  schedule(uri: string, delay = this.delayFor(uri)): void {
    this.cancel(uri);
    const token = { isCancellationRequested: false };
    const timer = setTimeout(() => {
      if (this.pending.get(uri)?.token === token) this.pending.delete(uri);
      if (token.isCancellationRequested) return;
      const t0 = performance.now();
      this.run(uri, token);
      this.lastCost.set(uri, performance.now() - t0);
      this.whenIdle();
    }, delay);
    this.pending.set(uri, { timer, token });
  }

  /** After the messages that arrived meanwhile were read: `idle`, unless another analysis is waiting. */
  private whenIdle(): void {
    if (!this.idle || this.idleQueued) return;
    this.idleQueued = true;
    setImmediate(() => {
      this.idleQueued = false;
      if (this.pending.size === 0) this.idle?.();
    });
  }

  cancel(uri: string): void {
    const p = this.pending.get(uri);
    if (!p) return;
    p.token.isCancellationRequested = true;
    clearTimeout(p.timer);
    this.pending.delete(uri);
  }

  forget(uri: string): void {
    this.cancel(uri);
    this.lastCost.delete(uri);
  }

  isPending(uri: string): boolean {
    return this.pending.has(uri);
  }

  dispose(): void {
    for (const uri of [...this.pending.keys()]) this.cancel(uri);
  }
}
