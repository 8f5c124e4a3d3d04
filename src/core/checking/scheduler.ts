/**
 * When to check a memo while it is edited (markdownlint's pattern): debounced on
 * edits, immediate on open and save, with a generation per document so that a
 * result computed for an older text is never published.
 */

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class CheckScheduler<K> {
  private readonly timers = new Map<K, unknown>();
  private readonly generations = new Map<K, number>();
  /** How many checks were started: what a debounce is meant to keep down. */
  started = 0;

  /** `run` checks the document and, before publishing, asks {@link isCurrent} with the generation it was given. */
  constructor(private readonly run: (key: K, generation: number) => void | Promise<unknown>, private readonly clock: Timers = realTimers) {}

  generationOf(key: K): number {
    return this.generations.get(key) ?? 0;
  }

  isCurrent(key: K, generation: number): boolean {
    return this.generationOf(key) === generation;
  }

  private bump(key: K): number {
    const next = this.generationOf(key) + 1;
    this.generations.set(key, next);
    return next;
  }

  /** An edit: any check under way is stale now, and a new one runs once edits pause for `delayMs`. */
  didEdit(key: K, delayMs: number): void {
    this.cancel(key);
    this.bump(key);
    this.timers.set(key, this.clock.setTimeout(() => {
      this.timers.delete(key);
      this.start(key);
    }, delayMs));
  }

  /** Open, save, a changed source or setting: check now. */
  now(key: K): void | Promise<unknown> {
    this.cancel(key);
    return this.start(key);
  }

  private start(key: K): void | Promise<unknown> {
    const generation = this.bump(key);
    this.started++;
    return this.run(key, generation);
  }

  /** Drops a pending check and makes any check under way stale (the document closed). */
  forget(key: K): void {
    this.cancel(key);
    this.bump(key);
  }

  cancel(key: K): void {
    const timer = this.timers.get(key);
    if (timer !== undefined) this.clock.clearTimeout(timer);
    this.timers.delete(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) this.clock.clearTimeout(timer);
    this.timers.clear();
  }
}
