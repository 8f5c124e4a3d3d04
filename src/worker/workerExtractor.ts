/**
 * Extracts sources in a worker thread. Besides keeping a large source from stalling
 * completions and diagnostics, this keeps the caller's heap compact: extraction makes
 * many times its result in short-lived objects, and in the caller's heap those were
 * promoted among the long-lived sources and left it fragmented (100 sources of 20,000
 * words: ~630 MB RSS for ~180 MB of live data). Here only the result arrives, in one
 * piece, and the worker ends when idle, returning its memory.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Extraction } from '../core/sources/extract';
import { fromMessage, READY, type ExtractionMessage } from './message';
import type { ExtractRequest } from './thread';
import { extractInProcess, type Extractor } from '../core/sources/library';

/** Texts shorter than this are extracted in place: a worker round trip costs more than they do. */
const WORKER_THRESHOLD_CHARS = 2_000;
/** The worker ends after this long without work; the next source starts it again (the model loads in ~0.5 s). */
const IDLE_MS = 20_000;
const WORKER_FILE = 'extractWorker.js';
/**
 * The worker's heap limit. An 8 MB source (the default largest) needs under 1 GB; a worker that goes past its
 * limit is ended alone, where one without a limit of its own would take the extension host with it.
 */
const WORKER_HEAP_LIMIT_MB = 2048;

/**
 * Extracts sources in one worker thread (started on first need, ended when idle or on
 * dispose); tiny texts in place. Falls back to in-place extraction if the worker
 * cannot start or fails.
 */
export class WorkerExtractor {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { request: ExtractRequest; resolve: (x: Extraction) => void; reject: (e: Error) => void }>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private failed = false;
  /** True while a worker thread is up. */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** How many sources the worker has extracted (tests read it). */
  extractedInWorker = 0;

  constructor(private readonly distFolder: string, private readonly log: (line: string) => void, private readonly idleMs = IDLE_MS, private readonly heapLimitMb = WORKER_HEAP_LIMIT_MB) {}

  readonly extract: Extractor = (file, text, isSample) => {
    // The bundled sample (shown when a workspace has no sources) is small and wanted at once: no worker to start for it.
    if (text.length < WORKER_THRESHOLD_CHARS || isSample || this.failed) return extractInProcess(file, text, isSample);
    const worker = this.start();
    if (!worker) return extractInProcess(file, text, isSample);
    this.stopIdleTimer();
    const request: ExtractRequest = { id: this.nextId++, path: file, text, isSample };
    return new Promise<Extraction>((resolve, reject) => {
      this.pending.set(request.id, { request, resolve, reject });
      worker.postMessage(request);
    });
  };

  private start(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(path.join(this.distFolder, WORKER_FILE), { resourceLimits: { maxOldGenerationSizeMb: this.heapLimitMb } });
      let ready = false;
      worker.on('message', (message: typeof READY | { id: number; extraction?: ExtractionMessage; error?: string }) => {
        if (message === READY) ready = true;
        else this.didReceive(message);
      });
      // A worker that never got ready (its file missing, threads unavailable) means extracting in place from now on;
      // one that stopped while working (out of memory on a huge source) fails what it had, and the next source starts another.
      const stopped = (reason: string): void => (ready ? this.crashed(worker, reason) : this.fail(`extraction worker could not start: ${reason}`));
      worker.on('error', (error: Error & { code?: string }) => stopped(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `out of memory, over its ${this.heapLimitMb} MB` : error.message));
      worker.on('exit', (code) => {
        if (code !== 0) stopped(`exit code ${code}`);
        else if (this.worker === worker) this.worker = undefined;
      });
      this.worker = worker;
      return worker;
    } catch (error) {
      this.fail(`extraction worker could not start: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** The worker stopped while working: what it had fails with the reason (extracting it here could bring the editor down the same way). */
  private crashed(worker: Worker, reason: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.log(`extraction worker stopped (${reason})`);
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { reject } of waiting) reject(new Error(`the extraction worker stopped (${reason})`));
  }

  private didReceive(message: { id: number; extraction?: ExtractionMessage; error?: string }): void {
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (this.pending.size === 0) this.startIdleTimer();
    if (message.error || !message.extraction) {
      waiting.reject(new Error(message.error ?? 'no result'));
      return;
    }
    this.extractedInWorker++;
    waiting.resolve(fromMessage(message.extraction));
  }

  private startIdleTimer(): void {
    this.stopIdleTimer();
    this.idleTimer = setTimeout(() => this.stop(), this.idleMs);
    // An idle worker must not keep a command-line process alive.
    this.idleTimer.unref?.();
  }

  private stopIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  /** Ends the worker now if it has nothing to do; the next source starts a new one. */
  stop(): Promise<void> {
    this.stopIdleTimer();
    const worker = this.worker;
    if (!worker || this.pending.size) return Promise.resolve();
    this.worker = undefined;
    return worker.terminate().then(() => undefined);
  }

  /** From now on extraction is done in place, starting with what the worker had been given. */
  private fail(reason: string): void {
    if (!this.failed) this.log(`${reason}; extracting in place from now on`);
    this.failed = true;
    this.worker = undefined;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { request, resolve, reject } of waiting) {
      try {
        resolve(extractInProcess(request.path, request.text, request.isSample));
      } catch (error) {
        reject(error as Error);
      }
    }
  }

  dispose(): void {
    this.stopIdleTimer();
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
