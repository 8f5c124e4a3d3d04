/**
 * Loading sources through a small file-system interface, with extraction cached
 * by content hash, so the CLI, the extension and tests share one path. Every file
 * is looked at before it is read (only regular files are, and only up to the size
 * limit) and every look and read has a time limit: a memo may name anything.
 */
import { decodeText } from '../text/decode';
import { extract, type Extraction } from './extract';
import { IS_FOLDER, NOT_REGULAR, NOT_REGULAR_CODE, readRegularFile, statFile, withTimeout, type FileInfo } from './safeFile';
import { parseSource } from './source';
import { contentHash } from '../text/offsets';
import { documentFormatOf } from './formats/document';
import type { DocumentExtraction } from './documents';

export interface FileStamp {
  readonly size: number;
  readonly mtime: number;
}

export interface SourceFileSystem {
  /** What is at a path (symbolic links followed), its size and modification time. */
  stat(path: string): PromiseLike<FileInfo>;
  /** Reads at most `maxBytes + 1` bytes of a regular file; refuses anything else (error code ENOTREG). */
  readFile(path: string, maxBytes: number): PromiseLike<Uint8Array>;
}

/** Node's file system, for local paths: the CLI's, and the extension's (see SourceIndex for why not vscode.workspace.fs). */
export const NODE_FILE_SYSTEM: SourceFileSystem = { stat: statFile, readFile: readRegularFile };

export type LoadResult = { readonly ok: true; readonly extraction: Extraction; readonly note?: string } | { readonly ok: false; readonly path: string; readonly message: string };

/** Parses and extracts a source's text: in this thread by default; the extension hands large ones to a worker. */
export type Extractor = (path: string, text: string, isSample: boolean) => Extraction | Promise<Extraction>;

/**
 * Converts and extracts a PDF or Word source from its bytes (see documents.ts). Injected, so that the extension
 * host never loads the converters: its SourceIndex hands documents to the extraction worker, memo-check converts
 * in its own thread. It rejects with the reason, as the end of a sentence naming the file.
 */
export type DocumentExtractor = (path: string, bytes: Uint8Array, isSample: boolean) => Promise<DocumentExtraction>;

/** Without a document extractor, a PDF or Word source says so. */
const NO_DOCUMENTS: DocumentExtractor = () => Promise.reject(new Error('is a PDF or Word document, which is not read here'));

export function extractInProcess(path: string, text: string, isSample: boolean): Extraction {
  return extract(parseSource({ path, content: text, isSample }));
}

export interface LoadLimits {
  /** Largest file read, in bytes. */
  readonly maxBytes: number;
  /** Longest a look at a file or a read of it may take, in milliseconds (a hung network drive must not hang a check). */
  readonly timeoutMs?: number;
  /** What the size limit is called in messages: the setting that changes it. */
  readonly limitName?: string;
}

export const READ_TIMEOUT_MS = 10_000;
const BYTES_PER_MB = 1048576;
const MS_PER_S = 1000;
const SOURCE_LIMIT_NAME = 'sources (policyMemo.maxSourceSizeKB)';

export const DEFAULT_LIMITS: LoadLimits = { maxBytes: 64 * 1024 * 1024 };

function megabytes(bytes: number): string {
  return (bytes / BYTES_PER_MB).toFixed(1);
}

function timeoutOf(limits: LoadLimits): number {
  return limits.timeoutMs ?? READ_TIMEOUT_MS;
}

function limitText(limits: LoadLimits): string {
  return `the ${megabytes(limits.maxBytes)} MB limit for ${limits.limitName ?? SOURCE_LIMIT_NAME}`;
}

/** Why a file could not be looked at or read, as the end of a sentence that starts with its name. */
function readProblem(error: unknown, limits: LoadLimits): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EISDIR') return IS_FOLDER;
  // EAGAIN: a FIFO opened without blocking has nothing to read.
  if (code === NOT_REGULAR_CODE || code === 'EAGAIN') return NOT_REGULAR;
  if (code === 'ETIMEDOUT') return `could not be read within ${timeoutOf(limits) / MS_PER_S} s and is not read`;
  return `cannot be read (${(error as Error).message})`;
}

export type Looked = { readonly ok: true; readonly stamp: FileStamp } | { readonly ok: false; readonly message: string };
export type Read = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly message: string };

/**
 * What is at a path, before anything is read: only a regular file within the size limit
 * may be. A device, a FIFO or a socket never is, whatever its name or link says.
 */
export async function lookAtFile(fs: SourceFileSystem, path: string, limits: LoadLimits): Promise<Looked> {
  let info: FileInfo;
  try {
    info = await withTimeout(fs.stat(path), timeoutOf(limits));
  } catch (error) {
    return { ok: false, message: readProblem(error, limits) };
  }
  if (info.kind === 'directory') return { ok: false, message: IS_FOLDER };
  if (info.kind !== 'file') return { ok: false, message: NOT_REGULAR };
  if (info.size > limits.maxBytes) return { ok: false, message: `is ${megabytes(info.size)} MB, over ${limitText(limits)}` };
  return { ok: true, stamp: { size: info.size, mtime: info.mtime } };
}

/** Reads a file {@link lookAtFile} let through: at most one byte over the limit, within the time limit. */
export async function readLookedAtFile(fs: SourceFileSystem, path: string, limits: LoadLimits): Promise<Read> {
  let bytes: Uint8Array;
  try {
    bytes = await withTimeout(fs.readFile(path, limits.maxBytes), timeoutOf(limits));
  } catch (error) {
    return { ok: false, message: readProblem(error, limits) };
  }
  // The file grew after it was looked at: the byte over the limit says so, and the rest is not read.
  if (bytes.length > limits.maxBytes) return { ok: false, message: `grew past ${limitText(limits)} while it was read` };
  return { ok: true, bytes };
}

/** {@link lookAtFile}, then {@link readLookedAtFile}: a file read with every check. */
export async function readCheckedFile(fs: SourceFileSystem, path: string, limits: LoadLimits): Promise<Read> {
  const looked = await lookAtFile(fs, path, limits);
  return looked.ok ? readLookedAtFile(fs, path, limits) : looked;
}

/** Caches extractions by path and content hash; a changed file is re-extracted, an unchanged one is not. */
export class SourceLibrary {
  private readonly cache = new Map<string, Extraction>();
  /** The stamp of each file as last read, with what loading it gave (a note, or the problem). */
  private readonly stamps = new Map<string, { stamp: FileStamp; result: LoadResult }>();

  constructor(
    private readonly fs: SourceFileSystem, private limits: LoadLimits = DEFAULT_LIMITS, private readonly extractor: Extractor = extractInProcess,
    private readonly documentExtractor: DocumentExtractor = NO_DOCUMENTS,
  ) {}

  setLimits(limits: LoadLimits): void {
    // A file refused under the old limits may be welcome now.
    if (limits.maxBytes !== this.limits.maxBytes || limits.timeoutMs !== this.limits.timeoutMs) this.stamps.clear();
    this.limits = limits;
  }

  /** Extracts from already-decoded text (an open editor's buffer, the bundled sample). */
  fromText(path: string, text: string, isSample = false): Extraction {
    const hash = contentHash(text);
    const cached = this.cache.get(path);
    if (cached && cached.source.hash === hash && cached.source.isSample === isSample) return cached;
    const extraction = extract(parseSource({ path, content: text, isSample }));
    this.cache.set(path, extraction);
    return extraction;
  }

  /**
   * Loads a source. A file whose size and modification time are those of its last load is not read again:
   * refreshes and every memo check ask for all their sources, and most have not changed.
   */
  async load(path: string, isSample = false): Promise<LoadResult> {
    const looked = await lookAtFile(this.fs, path, this.limits);
    if (!looked.ok) return this.refuse(path, looked.message);
    const { stamp } = looked;
    const known = this.stamps.get(path);
    if (known && known.stamp.size === stamp.size && known.stamp.mtime === stamp.mtime && (!known.result.ok || known.result.extraction.source.isSample === isSample)) {
      return known.result;
    }
    const result = await this.read(path, isSample);
    this.stamps.set(path, { stamp, result });
    return result;
  }

  /** A file that cannot be read is forgotten: when it can be again, it is read afresh. */
  private refuse(path: string, message: string): LoadResult {
    this.cache.delete(path);
    this.stamps.delete(path);
    return { ok: false, path, message };
  }

  private async read(path: string, isSample: boolean): Promise<LoadResult> {
    const read = await readLookedAtFile(this.fs, path, this.limits);
    if (!read.ok) return this.refuse(path, read.message);
    const { bytes } = read;
    if (documentFormatOf(path)) return this.readDocument(path, bytes, isSample);
    const decoded = decodeText(bytes);
    if (!decoded.ok) return { ok: false, path, message: decoded.reason };
    if (!decoded.text.trim()) return { ok: false, path, message: 'is empty' };
    try {
      const hash = contentHash(decoded.text);
      const cached = this.cache.get(path);
      if (cached && cached.source.hash === hash && cached.source.isSample === isSample) return { ok: true, extraction: cached, note: decoded.note };
      const extraction = await this.extractor(path, decoded.text, isSample);
      this.cache.set(path, extraction);
      return { ok: true, extraction, note: decoded.note };
    } catch (error) {
      return { ok: false, path, message: `could not be analysed (${(error as Error).message})` };
    }
  }

  /** A PDF or Word source: converted from its bytes (a changed file has other bytes, so it is read again). */
  private async readDocument(path: string, bytes: Uint8Array, isSample: boolean): Promise<LoadResult> {
    if (bytes.length === 0) return { ok: false, path, message: 'is empty' };
    try {
      const { extraction, note } = await this.documentExtractor(path, bytes, isSample);
      this.cache.set(path, extraction);
      return { ok: true, extraction, ...(note ? { note } : {}) };
    } catch (error) {
      this.cache.delete(path);
      return { ok: false, path, message: (error as Error).message };
    }
  }

  /** The extraction last loaded from a path, if it loaded. */
  loaded(path: string): Extraction | undefined {
    return this.cache.get(path);
  }

  forget(path: string): void {
    this.cache.delete(path);
    this.stamps.delete(path);
  }
}
