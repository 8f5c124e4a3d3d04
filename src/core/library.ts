/**
 * Loading sources through a small file-system interface, with extraction cached
 * by content hash, so the CLI, the extension and tests share one path.
 */
import { decodeText } from './decode';
import { extract, type Extraction } from './extract';
import { parseSource } from './source';
import { contentHash } from './text';

export interface SourceFileSystem {
  readFile(path: string): PromiseLike<Uint8Array>;
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

  constructor(private readonly fs: SourceFileSystem, private limits: LoadLimits = DEFAULT_LIMITS, private readonly extractor: Extractor = extractInProcess) {}

  setLimits(limits: LoadLimits): void {
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

  async load(path: string, isSample = false): Promise<LoadResult> {
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
  }
}
