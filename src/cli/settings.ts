/**
 * The workspace settings memo-check reads, where VS Code reads them for the extension: the folder's
 * `.vscode/settings.json`, else the `settings` of the one `*.code-workspace` file at the root (VS Code's order: a
 * folder's settings win over the workspace file's). Only `policyMemo.sources` and `policyMemo.maxSources` are read.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeText } from '../core/text/decode';
import { parseJsonc } from '../core/text/jsonc';
import { NODE_FILE_SYSTEM, readCheckedFile } from '../core/sources/library';
import { DEFAULT_SOURCE_GLOBS, maxSourcesOf, sourceGlobsOf } from '../core/sources/workspace';

export const FOLDER_SETTINGS = join('.vscode', 'settings.json');
const WORKSPACE_FILE = /\.code-workspace$/;
/** A settings file is a few KB; one larger than this is not a settings file worth reading whole. */
const SETTINGS_LIMITS = { maxBytes: 1024 * 1024, limitName: 'settings files' };
const SOURCES_KEY = 'policyMemo.sources';
const MAX_SOURCES_KEY = 'policyMemo.maxSources';

export interface SourceSettings {
  readonly globs: readonly string[];
  /** Where the globs come from, relative to the root (`undefined`: the default). */
  readonly from: string | undefined;
  readonly maxSources: number;
}

/** A settings file that cannot be used: `file` (relative to the root) and why, the end of a sentence naming it. */
export class SettingsError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file} ${reason}`);
  }
}

/** The settings object of a file, or undefined when it does not exist. */
async function readSettingsFile(root: string, relativePath: string, settingsOf: (json: Record<string, unknown>) => unknown): Promise<Record<string, unknown> | undefined> {
  const read = await readCheckedFile(NODE_FILE_SYSTEM, join(root, relativePath), SETTINGS_LIMITS);
  if (!read.ok) {
    if (read.message === 'does not exist') return undefined;
    throw new SettingsError(relativePath, read.message);
  }
  const decoded = decodeText(read.bytes);
  if (!decoded.ok) throw new SettingsError(relativePath, decoded.reason);
  const parsed = parseJsonc(decoded.text);
  if (!parsed.ok) throw new SettingsError(relativePath, `is not valid JSON (${parsed.message})`);
  if (parsed.value === undefined) return {};
  const settings = typeof parsed.value === 'object' && parsed.value !== null && !Array.isArray(parsed.value) ? settingsOf(parsed.value as Record<string, unknown>) : undefined;
  if (settings === undefined) return {};
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) throw new SettingsError(relativePath, 'is not a JSON object of settings');
  return settings as Record<string, unknown>;
}

/** The one `*.code-workspace` file at the root, if there is exactly one (with several, VS Code would ask which). */
async function workspaceFile(root: string): Promise<string | undefined> {
  try {
    const files = (await readdir(root, { withFileTypes: true })).filter((e) => e.isFile() && WORKSPACE_FILE.test(e.name));
    return files.length === 1 ? files[0].name : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the settings under `root`; throws {@link SettingsError} for a file that exists but cannot be used. */
export async function readSourceSettings(root: string): Promise<SourceSettings> {
  const layers: { file: string; settings: Record<string, unknown> }[] = [];
  const folder = await readSettingsFile(root, FOLDER_SETTINGS, (json) => json);
  if (folder) layers.push({ file: FOLDER_SETTINGS, settings: folder });
  const workspace = await workspaceFile(root);
  if (workspace) {
    const settings = await readSettingsFile(root, workspace, (json) => json.settings);
    if (settings) layers.push({ file: workspace, settings });
  }
  const sourcesLayer = layers.find((l) => SOURCES_KEY in l.settings);
  const maxLayer = layers.find((l) => MAX_SOURCES_KEY in l.settings);
  return {
    globs: sourcesLayer ? sourceGlobsOf(sourcesLayer.settings[SOURCES_KEY]) : DEFAULT_SOURCE_GLOBS,
    from: sourcesLayer?.file,
    maxSources: maxSourcesOf(maxLayer?.settings[MAX_SOURCES_KEY]),
  };
}
