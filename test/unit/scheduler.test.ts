import * as assert from 'node:assert';
import { CheckScheduler, type Timers } from '../../src/core/checking/scheduler';

/** A clock the test moves by hand. */
class FakeClock implements Timers {
  now = 0;
  private queue: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.queue.push({ at: this.now + ms, fn, id });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.id !== handle);
  }

  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      this.queue.sort((a, b) => a.at - b.at);
      const next = this.queue[0];
      if (!next || next.at > until) break;
      this.queue.shift();
      this.now = next.at;
      next.fn();
    }
    this.now = until;
  }
}

describe('check scheduling while typing', () => {
  const DEBOUNCE_MS = 300;

  it('500 quick edits start one check, after the last edit', () => {
    const clock = new FakeClock();
    const runs: number[] = [];
    const scheduler = new CheckScheduler<string>(() => { runs.push(clock.now); }, clock);
    for (let i = 0; i < 500; i++) {
      scheduler.didEdit('memo', DEBOUNCE_MS);
      clock.advance(20);
    }
    clock.advance(DEBOUNCE_MS);
    assert.deepStrictEqual(runs, [500 * 20 - 20 + DEBOUNCE_MS]);
    assert.strictEqual(scheduler.started, 1);
  });

  it('starts no more checks than the pauses in typing allow', () => {
    const clock = new FakeClock();
    const scheduler = new CheckScheduler<string>(() => undefined, clock);
    for (let burst = 0; burst < 5; burst++) {
      for (let i = 0; i < 100; i++) {
        scheduler.didEdit('memo', DEBOUNCE_MS);
        clock.advance(10);
      }
      clock.advance(DEBOUNCE_MS + 100);
    }
    assert.strictEqual(scheduler.started, 5);
  });

  it('a result computed for an older text is stale once the memo is edited, and a closed memo drops its pending check', async () => {
    const clock = new FakeClock();
    const published: number[] = [];
    let release: () => void = () => undefined;
    const scheduler = new CheckScheduler<string>(async (key, generation) => {
      await new Promise<void>((resolve) => { release = resolve; });
      if (scheduler.isCurrent(key, generation)) published.push(generation);
    }, clock);
    const slow = scheduler.now('memo');
    scheduler.didEdit('memo', DEBOUNCE_MS);
    release();
    await slow;
    assert.deepStrictEqual(published, [], 'the check that an edit overtook publishes nothing');
    clock.advance(DEBOUNCE_MS);
    release();
    await Promise.resolve();
    await Promise.resolve();
    assert.strictEqual(published.length, 1);
    scheduler.didEdit('memo', DEBOUNCE_MS);
    scheduler.forget('memo');
    clock.advance(DEBOUNCE_MS * 2);
    assert.strictEqual(scheduler.started, 2, 'no check after close');
  });
});
