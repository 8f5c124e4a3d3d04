/**
 * npm run fit -- [--write] [--folds K] INPUT...: fits the claim rules' minimum alignments (thresholds.ts, kept in
 * src/core/checking/fitted/alignment-thresholds.json) on labelled claims, and says how well the fit generalises.
 *
 * INPUT is one of
 *   DIR                 a labelled set laid out as in test/fixtures: DIR/claims/<name>.jsonl about DIR/articles/<name>.*
 *   FILE.jsonl          rows with `document`, `claim` and `label` (the external sets: BUMP, FactCC, SummEval)
 *   CLAIMS.jsonl=SOURCE claim rows about one source file (the dev claims about the sample)
 * Claim rows carry `label`: conflict/inconsistent is a conflict; supported, consistent and unverifiable are not. A
 * claim is flagged when a conflict/* finding stands on it; each set (an article of a DIR, a FILE, a CLAIMS file) is
 * scored by balanced accuracy.
 *
 * The fit: each threshold in turn is tried at a grid of multiples of its fitted value, the others kept. The best
 * value is the one that raises the mean balanced accuracy over the sets most and lowers no set's: a threshold does
 * not buy one set with another. It is cross-validated, grouped by document (K folds): chosen in the same way on the
 * other folds' documents, judged on each held-out fold's. A new value is taken only when that held-out result also
 * gains and lowers no set. The values taken are then tried together and, while the combination lowers a set, the
 * change that gained least is dropped.
 *
 * What the fit does not see: the perturbation harness (npm run eval, its conflicts and its rewrites and "elsewhere"
 * controls) and the sets kept out of it to judge it (the blind sets). Before a refit is committed, run both and
 * every kind's row: a value that loses there is not taken either.
 * --write puts the values in the JSON file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { Checker } from '../../src/core/checking/check';
import { isConflict } from '../../src/core/checking/codes';
import { FITTED_ALIGNMENT_THRESHOLDS, useAlignmentThresholds, type AlignmentThresholds } from '../../src/core/checking/thresholds';
import { parseMemo } from '../../src/core/memo/memo';
import { extract, type Extraction } from '../../src/core/sources/extract';
import { parseSource } from '../../src/core/sources/source';

const DEFAULT_FOLDS = 5;
/** Multiples of a threshold's fitted value tried. */
const GRID = [0.5, 0.6, 0.7, 0.8, 0.9, 1.1, 1.25, 1.5];
const USAGE = 'usage: npm run fit -- [--write] [--folds K] INPUT... (DIR | FILE.jsonl | CLAIMS.jsonl=SOURCE)';

type Name = keyof AlignmentThresholds;
const NAMES = Object.keys(FITTED_ALIGNMENT_THRESHOLDS) as Name[];

interface Claim {
  readonly text: string;
  readonly conflict: boolean;
}

/** One document with its labelled claims. */
interface Group {
  readonly set: string;
  readonly key: string;
  readonly path: string;
  readonly content: string;
  readonly claims: Claim[];
}

/** Per group, per claim: flagged. */
type Flags = boolean[][];

function fail(message: string): never {
  console.error(`fit: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

function readRows(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => {
    try {
      return JSON.parse(l) as Record<string, unknown>;
    } catch {
      fail(`${file}:${i + 1} is not JSON`);
    }
  });
}

function isConflictLabel(label: unknown): boolean {
  if (label === 'conflict' || label === 'inconsistent') return true;
  if (label === 'supported' || label === 'consistent' || label === 'unverifiable') return false;
  fail(`unknown label ${JSON.stringify(label)}`);
}

const claimsOf = (rows: Record<string, unknown>[]): Claim[] => rows.map((r) => ({ text: String(r.claim), conflict: isConflictLabel(r.label) }));

function groupsOf(input: string): Group[] {
  const [claimsFile, sourceFile] = input.split('=');
  if (sourceFile !== undefined) {
    return [{ set: basename(claimsFile, '.jsonl'), key: resolve(sourceFile), path: sourceFile, content: readFileSync(sourceFile, 'utf8'), claims: claimsOf(readRows(claimsFile)) }];
  }
  if (!existsSync(input)) fail(`${input} does not exist`);
  if (statSync(input).isDirectory()) {
    const claimsDir = join(input, 'claims');
    const articlesDir = join(input, 'articles');
    if (!existsSync(claimsDir) || !existsSync(articlesDir)) fail(`${input} has no claims/ and articles/`);
    return readdirSync(claimsDir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => {
      const name = basename(f, '.jsonl');
      const article = readdirSync(articlesDir).find((a) => basename(a, extname(a)) === name) ?? fail(`no article for ${join(claimsDir, f)}`);
      const path = join(articlesDir, article);
      return { set: `${basename(resolve(input))}/${name}`, key: resolve(path), path, content: readFileSync(path, 'utf8'), claims: claimsOf(readRows(join(claimsDir, f))) };
    });
  }
  // An external set: one group per distinct document.
  const set = basename(input, '.jsonl');
  const byDocument = new Map<string, Group>();
  for (const r of readRows(input)) {
    const content = String(r.document);
    let group = byDocument.get(content);
    if (!group) {
      const key = `${set}:${createHash('sha1').update(content).digest('hex').slice(0, 12)}`;
      byDocument.set(content, (group = { set, key, path: `${key}.txt`, content, claims: [] }));
    }
    group.claims.push({ text: String(r.claim), conflict: isConflictLabel(r.label) });
  }
  return [...byDocument.values()];
}

/** Every claim checked (a memo of its own, one Checker per document and run: findings are cached per Checker). */
function flagsOf(groups: readonly Group[], sources: readonly Extraction[], thresholds: AlignmentThresholds): Flags {
  useAlignmentThresholds(thresholds);
  return groups.map((g, gi) => {
    const checker = new Checker();
    return g.claims.map((c) => checker.check(parseMemo(c.text + '\n'), [sources[gi]]).some((f) => isConflict(f.code)));
  });
}

/** The fold a group is held out in: by its document, so that no document is both fitted on and judged. */
const foldOf = (group: Group, folds: number): number => createHash('sha1').update(group.key).digest()[0] % folds;

/** Balanced accuracy of each set over the groups `included` says (NaN for a set with none). */
function baccs(groups: readonly Group[], sets: readonly string[], flags: Flags, included: (gi: number) => boolean = () => true): number[] {
  return sets.map((set) => {
    let tp = 0, fn = 0, tn = 0, fp = 0;
    groups.forEach((g, gi) => {
      if (g.set !== set || !included(gi)) return;
      g.claims.forEach((c, ci) => {
        const f = flags[gi][ci];
        if (c.conflict && f) tp++;
        else if (c.conflict) fn++;
        else if (f) fp++;
        else tn++;
      });
    });
    const recall = tp + fn ? tp / (tp + fn) : 1;
    const specificity = tn + fp ? tn / (tn + fp) : 1;
    return tp + fn + tn + fp ? (recall + specificity) / 2 : NaN;
  });
}

const mean = (xs: readonly number[]): number => {
  const known = xs.filter((x) => !Number.isNaN(x));
  return known.reduce((s, x) => s + x, 0) / Math.max(1, known.length);
};

/** Tolerance of the comparisons: a set's balanced accuracy computed two ways may differ in the last bits. */
const EPSILON = 1e-9;

/** The gain in mean balanced accuracy of `flags` over `base`, or undefined when a set falls. */
function gainOf(groups: readonly Group[], sets: readonly string[], base: Flags, flags: Flags, included?: (gi: number) => boolean): number | undefined {
  const before = baccs(groups, sets, base, included);
  const after = baccs(groups, sets, flags, included);
  if (after.some((x, i) => x < before[i] - EPSILON)) return undefined;
  return mean(after) - mean(before);
}

const fmt = (x: number): string => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));

function main(): void {
  const argv = process.argv.slice(2);
  let write = false;
  let folds = DEFAULT_FOLDS;
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--write') write = true;
    else if (arg === '--folds') folds = Number(argv[++i]);
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      return;
    } else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
    else inputs.push(arg);
  }
  if (!inputs.length) fail('no INPUT');
  if (!(Number.isInteger(folds) && folds >= 2)) fail('--folds takes a whole number of at least 2');

  const groups = inputs.flatMap(groupsOf);
  const sets = [...new Set(groups.map((g) => g.set))];
  const sources = groups.map((g) => extract(parseSource({ path: g.path, content: g.content })));
  console.log(`fit: ${sets.length} sets, ${groups.length} documents, ${groups.reduce((s, g) => s + g.claims.length, 0)} claims; ${NAMES.length} thresholds x ${GRID.length} values`);

  const fitted = FITTED_ALIGNMENT_THRESHOLDS;
  const base = flagsOf(groups, sources, fitted);
  // Every single change's flags, run once: the choice and its cross-validation read them.
  const tried = new Map<Name, { value: number; flags: Flags }[]>();
  for (const name of NAMES) {
    tried.set(name, GRID.map((m) => {
      const value = Number((fitted[name] * m).toFixed(3));
      return { value, flags: flagsOf(groups, sources, { ...fitted, [name]: value }) };
    }));
  }

  /** The value of `name` taken on the groups `included` says: the best gain that lowers no set. */
  const choose = (name: Name, included?: (gi: number) => boolean): { value: number; flags: Flags; gain: number } => {
    let best = { value: fitted[name], flags: base, gain: 0 };
    for (const t of tried.get(name)!) {
      const gain = gainOf(groups, sets, base, t.flags, included);
      if (gain !== undefined && gain > best.gain + EPSILON) best = { ...t, gain };
    }
    return best;
  };

  console.log('\nper threshold: the value chosen on every document, and held out (chosen on the other folds, judged on each fold)');
  const chosen = new Map<Name, { value: number; gain: number }>();
  for (const name of NAMES) {
    const all = choose(name);
    // Out of fold: each document's claims flagged as the value chosen without its fold flags them.
    const oof: Flags = groups.map(() => []);
    for (let k = 0; k < folds; k++) {
      const held = (gi: number): boolean => foldOf(groups[gi], folds) === k;
      const pick = choose(name, (gi) => !held(gi));
      groups.forEach((_, gi) => {
        if (held(gi)) oof[gi] = pick.flags[gi];
      });
    }
    const before = mean(baccs(groups, sets, base));
    const heldOut = mean(baccs(groups, sets, oof));
    const fallen = baccs(groups, sets, oof).map((x, i) => ({ x, i })).filter(({ x, i }) => x < baccs(groups, sets, base)[i] - EPSILON).map(({ i }) => sets[i]);
    console.log(`  ${name.padEnd(14)} ${fmt(fitted[name])} -> ${fmt(all.value)}  mean bacc ${fmt(before)} -> ${fmt(before + all.gain)} (held out ${fmt(heldOut)}${fallen.length ? `; lower held out: ${fallen.join(', ')}` : ''})`);
    // Taken only when the choice holds out of fold too: a gain on the documents it was chosen on is not enough.
    if (all.value !== fitted[name] && heldOut > before + EPSILON && !fallen.length) chosen.set(name, all);
  }

  // Together: drop the least gain while the combination lowers a set.
  let changes = [...chosen].sort((a, b) => b[1].gain - a[1].gain);
  let together = base;
  for (;;) {
    const thresholds = { ...fitted, ...Object.fromEntries(changes.map(([n, c]) => [n, c.value])) };
    together = changes.length ? flagsOf(groups, sources, thresholds) : base;
    if (gainOf(groups, sets, base, together) !== undefined || !changes.length) break;
    console.log(`fit: together they lower a set; ${changes[changes.length - 1][0]} left at ${fitted[changes[changes.length - 1][0]]}`);
    changes = changes.slice(0, -1);
  }
  const result: AlignmentThresholds = { ...fitted, ...Object.fromEntries(changes.map(([n, c]) => [n, c.value])) };

  console.log('\nper set: balanced accuracy with the thresholds as they are -> as fitted');
  const before = baccs(groups, sets, base);
  const after = baccs(groups, sets, together);
  sets.forEach((set, i) => console.log(`  ${set.padEnd(44)} ${fmt(before[i])} -> ${fmt(after[i])}`));
  console.log(`  ${'mean'.padEnd(44)} ${fmt(mean(before))} -> ${fmt(mean(after))}`);
  console.log(`fit: ${NAMES.map((n) => `${n}=${result[n]}`).join(' ')}`);
  if (write) {
    const file = resolve(__dirname, '..', 'src', 'core', 'checking', 'fitted', 'alignment-thresholds.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { about: string; thresholds: AlignmentThresholds };
    writeFileSync(file, JSON.stringify({ ...data, thresholds: result }, null, 2) + '\n');
    console.log(`fit: written to ${file}`);
  }
}

main();
