import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Extraction } from '../core/extract';
import { extractInProcess, type Extractor } from '../core/library';
import { LineIndex } from '../core/text';
import { TokenTable, type TokenTableData } from '../core/tokenTable';

/** Texts shorter than this are extracted in place: copying the result back would cost more than it saves. */
const WORKER_THRESHOLD_CHARS = 200_000;
const WORKER_FILE = 'extractWorker.js';

/**
 * Extracts large sources in a worker thread (one, started on first need, ended on
 * dispose); small ones in place. Falls back to in-place extraction if the worker
 * cannot start.
 */
export class WorkerExtractor {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (x: Extraction) => void; reject: (e: Error) => void }>();
  private failed = false;
  /** How many sources the worker has extracted (tests read it). */
  extractedInWorker = 0;

  constructor(private readonly distFolder: string, private readonly log: (line: string) => void) {}

  readonly extract: Extractor = (file, text, isSample) => {
    if (text.length < WORKER_THRESHOLD_CHARS || this.failed) return extractInProcess(file, text, isSample);
    const worker = this.start();
    if (!worker) return extractInProcess(file, text, isSample);
    const id = this.nextId++;
    return new Promise<Extraction>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, path: file, text, isSample });
    });
  };

  private start(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(path.join(this.distFolder, WORKER_FILE));
      worker.on('message', (message: { id: number; extraction?: Extraction; error?: string }) => {
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        if (message.error || !message.extraction) {
          waiting.reject(new Error(message.error ?? 'no result'));
          return;
        }
        const x = message.extraction;
        this.extractedInWorker++;
        // The token table arrives as its data (see extractWorker.ts).
        const tokens = TokenTable.fromData(x.source.tokens as unknown as TokenTableData);
        waiting.resolve({ ...x, source: { ...x.source, lines: new LineIndex(x.source.text), tokens } });
      });
      worker.on('error', (error) => this.fail(`extraction worker failed: ${error.message}`));
      worker.on('exit', (code) => {
        if (this.worker === worker) this.worker = undefined;
        if (code !== 0 && this.pending.size) this.fail(`extraction worker exited with code ${code}`);
      });
      this.worker = worker;
      return worker;
    } catch (error) {
      this.fail(`extraction worker could not start: ${(error as Error).message}`);
      return undefined;
    }
  }

  private fail(reason: string): void {
    this.log(`${reason}; extracting in place from now on`);
    this.failed = true;
    for (const waiting of this.pending.values()) waiting.reject(new Error(reason));
    this.pending.clear();
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
