/**
 * Reading files a memo or a glob names, which may be anything: a device (`/dev/zero`
 * never ends), a FIFO (a read waits for a writer forever), a link out of the
 * workspace. Each path is checked for what it is before it is opened, read with a
 * byte limit and a time limit, and placed against the folders it must stay in.
 */
import { constants, type Stats } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

export type FileKind = 'file' | 'directory' | 'other';

export interface FileInfo {
  /** What the path is, symbolic links followed: `other` for devices, FIFOs and sockets. */
  readonly kind: FileKind;
  readonly size: number;
  readonly mtime: number;
}

/** Why a file is not read, as the end of a sentence that starts with its name. */
export const NOT_REGULAR = 'is not a regular file (a device, FIFO or socket) and is not read';
export const IS_FOLDER = 'is a folder, not a file';

/** An error whose code says a path is not a regular file (a file system has no code of its own for that). */
export const NOT_REGULAR_CODE = 'ENOTREG';

/** How much one read call asks for after the first, sized by the file's length. */
const READ_CHUNK_BYTES = 1024 * 1024;
/**
 * Flags of every open: O_NONBLOCK so that a FIFO put in a file's place between the check
 * and the open cannot block (reads then fail with EAGAIN); O_NOCTTY so that a terminal
 * never becomes ours. Both are 0 where the platform has no such flag (Windows).
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

export class TimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
}

/** The work's result, or a TimeoutError after `ms`. The work itself is not stopped (a file read cannot be): it ends on its own. */
export function withTimeout<T>(work: PromiseLike<T>, ms: number): Promise<T> {
  return new Promise<T>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new TimeoutError(`no answer after ${ms} ms`)), ms);
    Promise.resolve(work).then(
      (value) => { clearTimeout(timer); resolvePromise(value); },
      (error: unknown) => { clearTimeout(timer); reject(error); },
    );
  });
}

function kindOf(s: Stats): FileKind {
  return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
}

export async function statFile(path: string): Promise<FileInfo> {
  const s = await stat(path);
  return { kind: kindOf(s), size: s.size, mtime: s.mtimeMs };
}

function notRegular(path: string): Error {
  return Object.assign(new Error(`${path} ${NOT_REGULAR}`), { code: NOT_REGULAR_CODE });
}

/**
 * Reads at most `maxBytes + 1` bytes of a regular file: the one byte more tells a
 * caller that the file is over its limit without reading the rest. The type is
 * checked again on the open file, so a path swapped for a device or a FIFO after
 * the caller's check is still not read.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, OPEN_FLAGS);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw notRegular(path);
    const limit = maxBytes + 1;
    const chunks: Buffer[] = [];
    let total = 0;
    // The first read asks for the whole file as stat sized it (one more byte to see the end); a file that grew gets more reads.
    let want = Math.min(limit, info.size + 1);
    while (total < limit) {
      const chunk = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(chunk, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      want = Math.min(READ_CHUNK_BYTES, limit - total);
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** True when `path` is `root` or lies under it (both absolute and resolved). */
export function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

export type Placement = 'inside' | 'outside' | 'linked-outside';

/**
 * Where a path leads with respect to a set of folders: inside one of them, outside them
 * by its very name (`../`, an absolute path), or outside them through a symbolic link on
 * the way. `realRoots` are real paths (see {@link realRoots}); a path that does not exist
 * is placed by its name, and reading it will say that it does not exist.
 */
export async function placePath(path: string, realRoots: readonly string[], nominalRoots: readonly string[] = realRoots): Promise<Placement> {
  const absolute = resolve(path);
  const named = nominalRoots.some((root) => isWithin(root, absolute)) || realRoots.some((root) => isWithin(root, absolute));
  let real: string;
  try {
    real = await realpath(absolute);
  } catch {
    return named ? 'inside' : 'outside';
  }
  if (realRoots.some((root) => isWithin(root, real))) return 'inside';
  return named ? 'linked-outside' : 'outside';
}

/** The real paths of folders (a folder that does not resolve keeps its own path). */
export function realRoots(folders: readonly string[]): Promise<string[]> {
  return Promise.all(folders.map((folder) => realpath(resolve(folder)).catch(() => resolve(folder))));
}
