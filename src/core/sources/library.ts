/**
 * Loading sources through a small file-system interface, with extraction cached
 * by content hash, so the CLI, the extension and tests share one path.
 */
import { decodeText } from '../text/decode';
import { extract, type Extraction } from './extract';
import { parseSource } from './source';
import { contentHash } from '../text/offsets';

export interface FileStamp {
  readonly size: number;
  readonly mtime: number;
}

export interface SourceFileSystem {
  readFile(path: string): PromiseLike<Uint8Array>;
  /** Size and modification time, when the file system can tell: an unchanged file is then not read again. */
  stat?(path: string): PromiseLike<FileStamp>;
}

export type LoadResult = { readonly ok: true; readonly extraction: Extraction; readonly note?: string } | { readonly ok: false; readonly path: string; readonly message: string };

/** Parses and extracts a source's text: in this thread by default; the extension hands large ones to a worker. */
export type Extractor = (path: string, text: string, isSample: boolean) => Extraction | Promise<Extraction>;

export function extractInProcess(path: string, text: string, isSample: boolean): Extraction {
  return extract(parseSource({ path, content: text, isSample }));
}

export interface LoadLimits {
  /** Largest source read, in bytes. */
  readonly maxBytes: number;
}

export const DEFAULT_LIMITS: LoadLimits = { maxBytes: 64 * 1024 * 1024 };

/** Caches extractions by path and content hash; a changed file is re-extracted, an unchanged one is not. */
export class SourceLibrary {
  private readonly cache = new Map<string, Extraction>();
  /** The stamp of each file as last read, with what loading it gave (a note, or the problem). */
  private readonly stamps = new Map<string, { stamp: FileStamp; result: LoadResult }>();

  constructor(private readonly fs: SourceFileSystem, private limits: LoadLimits = DEFAULT_LIMITS, private readonly extractor: Extractor = extractInProcess) {}

  setLimits(limits: LoadLimits): void {
    // A file refused under the old limits may be welcome now.
    if (limits.maxBytes !== this.limits.maxBytes) this.stamps.clear();
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
    let stamp: FileStamp | undefined;
    try {
      stamp = this.fs.stat ? await this.fs.stat(path) : undefined;
    } catch {
      stamp = undefined;
    }
    const known = stamp ? this.stamps.get(path) : undefined;
    if (stamp && known && known.stamp.size === stamp.size && known.stamp.mtime === stamp.mtime && (!known.result.ok || known.result.extraction.source.isSample === isSample)) {
      return known.result;
    }
    const result = await this.read(path, isSample);
    if (stamp) this.stamps.set(path, { stamp, result });
    else this.stamps.delete(path);
    return result;
  }

  private async read(path: string, isSample: boolean): Promise<LoadResult> {
    let bytes: Uint8Array;
    try {
      bytes = await this.fs.readFile(path);
    } catch (error) {
      const code = (error as { code?: string }).code;
      const message = code === 'ENOENT' || code === 'FileNotFound' ? 'does not exist' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${(error as Error).message})`;
      this.cache.delete(path);
      return { ok: false, path, message };
    }
    if (bytes.length > this.limits.maxBytes) {
      return { ok: false, path, message: `is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${(this.limits.maxBytes / 1048576).toFixed(1)} MB limit for sources (policyMemo.maxSourceSizeKB)` };
    }
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

  forget(path: string): void {
    this.cache.delete(path);
    this.stamps.delete(path);
  }
}
