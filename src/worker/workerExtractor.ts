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
import { fromMessage, READY, type ExtractionMessage } from './message';
import type { ExtractRequest } from './thread';
import { extractInProcess, type DocumentExtractor, type Extractor } from '../core/sources/library';
import type { DocumentExtraction } from '../core/sources/documents';
import { DOCUMENT_TIMEOUT_MS, documentTimeoutMessage } from '../core/sources/formats/document';

interface Reply {
  readonly id: number;
  readonly extraction?: ExtractionMessage;
  readonly note?: string;
  readonly error?: string;
  /** The error says why the document cannot be read (encrypted, no text layer, …). */
  readonly documentError?: boolean;
}

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

interface Pending {
  readonly request: ExtractRequest;
  readonly resolve: (x: DocumentExtraction) => void;
  readonly reject: (e: Error) => void;
  /** A document's time limit: past it the worker is ended, and what it had fails. */
  readonly timer?: ReturnType<typeof setTimeout>;
}

/**
 * Extracts sources in one worker thread (started on first need, ended when idle or on
 * dispose); tiny texts in place. Falls back to in-place extraction if the worker
 * cannot start or fails.
 */
export class WorkerExtractor {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private failed = false;
  /** True while a worker thread is up. */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** How many sources the worker has extracted (tests read it). */
  extractedInWorker = 0;

  constructor(
    private readonly distFolder: string, private readonly log: (line: string) => void, private readonly idleMs = IDLE_MS, private readonly heapLimitMb = WORKER_HEAP_LIMIT_MB,
    private readonly documentTimeoutMs = DOCUMENT_TIMEOUT_MS,
  ) {}

  readonly extract: Extractor = (file, text, isSample) => {
    // The bundled sample (shown when a workspace has no sources) is small and wanted at once: no worker to start for it.
    if (text.length < WORKER_THRESHOLD_CHARS || isSample || this.failed) return extractInProcess(file, text, isSample);
    const worker = this.start();
    if (!worker) return extractInProcess(file, text, isSample);
    this.stopIdleTimer();
    const request: ExtractRequest = { id: this.nextId++, path: file, text, isSample };
    return new Promise<DocumentExtraction>((resolve, reject) => {
      this.pending.set(request.id, { request, resolve, reject });
      worker.postMessage(request);
    }).then((x) => x.extraction);
  };

  /**
   * Converts and extracts a PDF or Word source in the worker, never in this thread: pdf.js is large and a hostile
   * PDF can keep it busy. Past the time limit the worker is ended (the next source starts another).
   */
  readonly extractDocument: DocumentExtractor = (file, bytes, isSample) => {
    const worker = this.failed ? undefined : this.start();
    if (!worker) return Promise.reject(new Error('cannot be read: the extraction worker is not running (see the Policy Memo output)'));
    this.stopIdleTimer();
    // A copy, moved to the worker: the caller's buffer stays whole.
    const copy = new Uint8Array(bytes);
    const request: ExtractRequest = { id: this.nextId++, path: file, text: '', bytes: copy, isSample };
    return new Promise<DocumentExtraction>((resolve, reject) => {
      const timer = setTimeout(() => this.timedOut(worker, request.id), this.documentTimeoutMs);
      this.pending.set(request.id, { request, resolve, reject, timer });
      worker.postMessage(request, [copy.buffer as ArrayBuffer]);
    });
  };

  /** A document took too long: it fails with that, the worker is ended, and what else it had is given again to a new one. */
  private timedOut(worker: Worker, id: number): void {
    const waiting = this.pending.get(id);
    if (!waiting || this.worker !== worker) return;
    this.pending.delete(id);
    waiting.reject(new Error(documentTimeoutMessage(this.documentTimeoutMs)));
    this.worker = undefined;
    const others = [...this.pending.values()];
    this.pending.clear();
    void worker.terminate();
    this.log(`extraction worker ended: ${waiting.request.path} ${documentTimeoutMessage(this.documentTimeoutMs)}`);
    for (const p of others) {
      if (p.timer) clearTimeout(p.timer);
      const again = p.request.bytes ? this.extractDocument(p.request.path, p.request.bytes, p.request.isSample) : Promise.resolve(this.extract(p.request.path, p.request.text, p.request.isSample)).then((extraction) => ({ extraction }));
      again.then(p.resolve, p.reject);
    }
  }

  private start(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(path.join(this.distFolder, WORKER_FILE), { resourceLimits: { maxOldGenerationSizeMb: this.heapLimitMb } });
      let ready = false;
      worker.on('message', (message: typeof READY | Reply) => {
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
    for (const { reject, timer } of waiting) {
      if (timer) clearTimeout(timer);
      reject(new Error(`could not be read: the extraction worker stopped (${reason})`));
    }
  }

  private didReceive(message: Reply): void {
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (waiting.timer) clearTimeout(waiting.timer);
    if (this.pending.size === 0) this.startIdleTimer();
    if (message.error || !message.extraction) {
      // A document's own reason ("is encrypted …") ends the sentence naming it; anything else is a failure to read.
      const reason = message.error ?? 'no result';
      waiting.reject(new Error(waiting.request.bytes && !message.documentError ? `could not be read (${reason})` : reason));
      return;
    }
    this.extractedInWorker++;
    waiting.resolve({ extraction: fromMessage(message.extraction), ...(message.note ? { note: message.note } : {}) });
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
    for (const { request, resolve, reject, timer } of waiting) {
      if (timer) clearTimeout(timer);
      // A document is never read in this thread.
      if (request.bytes) {
        reject(new Error('cannot be read: the extraction worker could not start (see the Policy Memo output)'));
        continue;
      }
      try {
        resolve({ extraction: extractInProcess(request.path, request.text, request.isSample) });
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
