/**
 * npm run eval [-- DIR] [--max-per-kind N] [--seed N] [--kinds a,b] [--rows FILE]: the perturbation harness (issue 12).
 *
 * From every fact sentence of a corpus of articles, claims that conflict with the sentence and rewrites that say
 * the same (see perturb.ts), checked in batches (one memo per article, one claim per paragraph, one Checker per
 * article). A claim counts as flagged when a conflict/* finding starts on its line. Prints recall per conflict
 * kind, the false-alarm rate per rewrite kind, and a last line for scripts:
 *   eval: cases=N min-recall=R (kind) false-alarms=F
 *
 * DIR: every .jsonl in it, each row's `document` (rows deduplicated by document text). Without DIR, the project's
 * own fixtures (test/fixtures/articles). Generated claims are easier than written ones: this measures mechanisms;
 * the blind sets measure the product.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Checker } from '../../src/core/checking/check';
import { parseMemo } from '../../src/core/memo/memo';
import { extract, type Extraction } from '../../src/core/sources/extract';
import { parseSource } from '../../src/core/sources/source';
import {
  alikeArticles, articleOf, claimableSentences, CONFLICT_KINDS, CONTROL_KINDS, expectedOf, GENERATORS, KINDS, REWRITE_KINDS, rngOf,
  sentenceText, shuffled, type Expected, type Kind,
} from './perturb';

const DEFAULT_SEED = 12;
/** Enough for thousands of cases; the whole external corpus (about 570 articles) runs in about a minute on 2 cores. */
const DEFAULT_MAX_PER_KIND = 1000;

interface Options {
  readonly dir?: string;
  readonly seed: number;
  readonly maxPerKind: number;
  readonly kinds: readonly Kind[];
  readonly rows?: string;
}

interface Document {
  readonly path: string;
  readonly content: string;
}

interface Case {
  /** The article the claim is checked against. */
  readonly article: number;
  /** The article the claim's sentence is from (the same but for "elsewhere"). */
  readonly from: number;
  readonly sentence: number;
  readonly kind: Kind;
  readonly expected: Expected;
  readonly variant: string;
  readonly claim: string;
  readonly source: string;
}

interface Verdict {
  readonly flagged: boolean;
  readonly codes: readonly string[];
}

const USAGE = 'usage: npm run eval -- [DIR] [--max-per-kind N] [--seed N] [--kinds a,b] [--rows FILE]';

function fail(message: string): never {
  console.error(`eval: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

function parseArgs(argv: readonly string[]): Options {
  let dir: string | undefined;
  let seed = DEFAULT_SEED;
  let maxPerKind = DEFAULT_MAX_PER_KIND;
  let kinds: Kind[] = [...KINDS];
  let rows: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => argv[++i] ?? fail(`${arg} needs a value`);
    const integer = (text: string): number => (/^\d+$/.test(text) ? Number(text) : fail(`${arg} takes a whole number, not ${text}`));
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      console.log(`kinds: ${KINDS.join(', ')}`);
      process.exit(0);
    } else if (arg === '--seed') seed = integer(value());
    else if (arg === '--max-per-kind') maxPerKind = integer(value());
    else if (arg === '--rows') rows = value();
    else if (arg === '--kinds') {
      const named = value().split(',').map((k) => k.trim()).filter(Boolean);
      const unknown = named.filter((k) => !(KINDS as readonly string[]).includes(k));
      if (unknown.length) fail(`unknown kind ${unknown.join(', ')} (kinds: ${KINDS.join(', ')})`);
      kinds = named as Kind[];
    } else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
    else if (dir === undefined) dir = arg;
    else fail(`one DIR only (got ${dir} and ${arg})`);
  }
  return { dir, seed, maxPerKind, kinds, rows };
}

/** The rows' documents of every .jsonl in `dir`, each distinct text once. */
function readJsonlCorpus(dir: string): { documents: Document[]; description: string } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`${dir} is not a directory`);
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  if (!files.length) fail(`no .jsonl file in ${dir}`);
  const seen = new Set<string>();
  const documents: Document[] = [];
  let rows = 0;
  for (const file of files) {
    readFileSync(join(dir, file), 'utf8').split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      let row: { document?: unknown };
      try {
        row = JSON.parse(line);
      } catch {
        fail(`${file}:${i + 1} is not JSON`);
      }
      rows++;
      if (typeof row.document !== 'string' || !row.document.trim() || seen.has(row.document)) return;
      seen.add(row.document);
      // .txt: read as plain text, whatever the row's text looks like.
      documents.push({ path: `${file.replace(/\.jsonl$/, '')}-${i + 1}.txt`, content: row.document });
    });
  }
  return { documents, description: `${resolve(dir)}: ${files.length} .jsonl files (${files.join(', ')}), ${rows} rows, ${documents.length} distinct documents` };
}

function readFixtures(): { documents: Document[]; description: string } {
  const dir = [join(__dirname, '..', 'test', 'fixtures', 'articles'), join(__dirname, '..', 'fixtures', 'articles')].find((d) => existsSync(d));
  if (!dir) fail('the fixtures (test/fixtures/articles) are not there');
  const files = readdirSync(dir).filter((f) => /\.(?:txt|md|html?)$/.test(f)).sort();
  return {
    documents: files.map((f) => ({ path: join(dir, f), content: readFileSync(join(dir, f), 'utf8') })),
    description: `no DIR given: the project's fixtures, test/fixtures/articles (${files.length} articles: ${files.join(', ')})`,
  };
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const rate = (hits: number, n: number): string => (n ? (hits / n).toFixed(3) : '  -  ');

/** The codes that fired on a set of cases, most frequent first ("number 40, entity 2"). */
function codeSummary(verdicts: readonly Verdict[], limit = 3): string {
  const counts = new Map<string, number>();
  for (const v of verdicts) for (const c of new Set(v.codes)) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([c, n]) => `${c.replace(/^conflict\//, '')} ${n}`).join(', ');
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const corpus = options.dir ? readJsonlCorpus(options.dir) : readFixtures();
  console.log(`eval: corpus ${corpus.description}`);
  const extractions: Extraction[] = corpus.documents.map((d) => extract(parseSource({ path: d.path, content: d.content })));
  const extracted = Date.now();

  // Every case each generator can make, then a deterministic sample of each kind.
  const pools = new Map<Kind, Case[]>(options.kinds.map((k) => [k, []]));
  const partners = alikeArticles(extractions);
  let sentences = 0;
  let factSentences = 0;
  let claimable = 0;
  extractions.forEach((x, a) => {
    sentences += x.source.sentences.length;
    factSentences += x.factTable.shown.length;
    const article = articleOf(x);
    const seen = new Set<string>();
    for (const s of claimableSentences(x, article)) {
      claimable++;
      const source = sentenceText(s);
      for (const kind of options.kinds) {
        const made = GENERATORS[kind](s, rngOf(options.seed, x.source.path, s.index, kind));
        if (!made || seen.has(`${kind}\u0000${made.claim}`)) continue;
        seen.add(`${kind}\u0000${made.claim}`);
        // "elsewhere": the sentence is checked against the article most like its own, which does not make it.
        const against = kind === 'elsewhere' ? partners[a] : a;
        if (against === undefined) continue;
        pools.get(kind)!.push({ article: against, from: a, sentence: s.index, kind, expected: expectedOf(kind), variant: made.variant, claim: made.claim, source });
      }
    }
  });
  const cases: Case[] = [];
  for (const kind of options.kinds) cases.push(...shuffled(rngOf(options.seed, 'sample', kind), pools.get(kind)!).slice(0, options.maxPerKind));
  const generated = Date.now();
  console.log(`eval: ${sentences} sentences, ${factSentences} fact sentences, ${claimable} usable as claims; seed ${options.seed}, at most ${options.maxPerKind} cases per kind`);

  // One memo per article: a claim per paragraph, one Checker.
  const verdicts = new Map<Case, Verdict>();
  const byArticle = new Map<number, Case[]>();
  for (const c of cases) byArticle.set(c.article, [...(byArticle.get(c.article) ?? []), c]);
  for (const [a, group] of byArticle) {
    const memo = parseMemo(group.map((c) => c.claim).join('\n\n') + '\n');
    const codesByLine = new Map<number, string[]>();
    for (const f of new Checker().check(memo, [extractions[a]])) {
      if (!f.code.startsWith('conflict/')) continue;
      const line = memo.lines.positionAt(f.span.start).line;
      codesByLine.set(line, [...(codesByLine.get(line) ?? []), f.code]);
    }
    group.forEach((c, i) => {
      const codes = codesByLine.get(2 * i) ?? [];
      verdicts.set(c, { flagged: codes.length > 0, codes });
    });
  }
  const checked = Date.now();

  const of = (kind: Kind): Case[] => cases.filter((c) => c.kind === kind);
  const row = (label: string, pool: number | string, group: readonly Case[]): string => {
    const flagged = group.filter((c) => verdicts.get(c)!.flagged);
    return `  ${label.padEnd(16)}${String(pool).padStart(7)}${String(group.length).padStart(7)}${String(flagged.length).padStart(9)}   ${rate(flagged.length, group.length)}   ${codeSummary(flagged.map((c) => verdicts.get(c)!))}`;
  };
  const header = (title: string, measure: string): void => {
    console.log('');
    console.log(title);
    console.log(`  ${'kind'.padEnd(16)}${'pool'.padStart(7)}${'n'.padStart(7)}${'flagged'.padStart(9)}   ${measure.padEnd(5)}   conflict codes on the flagged`);
  };
  const conflictKinds = CONFLICT_KINDS.filter((k) => options.kinds.includes(k));
  const rewriteKinds = REWRITE_KINDS.filter((k) => options.kinds.includes(k));
  const controlKinds = CONTROL_KINDS.filter((k) => options.kinds.includes(k));
  if (conflictKinds.length) {
    header('conflicts (recall: the share with a conflict/* finding on the claim\'s line)', 'recall');
    for (const k of conflictKinds) console.log(row(k, pools.get(k)!.length, of(k)));
    console.log(row('all conflicts', '', cases.filter((c) => c.expected === 'conflict' && (CONFLICT_KINDS as readonly string[]).includes(c.kind))));
  }
  if (rewriteKinds.length) {
    header('rewrites that say the same (false alarms: the share with a conflict/* finding)', 'rate');
    for (const k of rewriteKinds) console.log(row(k, pools.get(k)!.length, of(k)));
    console.log(row('all rewrites', '', cases.filter((c) => (REWRITE_KINDS as readonly string[]).includes(c.kind))));
  }
  if (controlKinds.length) {
    header('controls: the source sentence itself, and checked against the most alike other article (not counted in cases or false-alarms)', 'rate');
    for (const k of controlKinds) console.log(row(k, pools.get(k)!.length, of(k)));
  }
  console.log('');
  console.log(`eval: time ${seconds(checked - started)} (extraction ${seconds(extracted - started)}, generation ${seconds(generated - extracted)}, checking ${seconds(checked - generated)} for ${cases.length} claims)`);

  const nameOf = (a: number): string => (corpus.documents[a].path.startsWith('/') ? basename(corpus.documents[a].path) : corpus.documents[a].path);
  if (options.rows) {
    const lines = cases.map((c) => JSON.stringify({
      article: nameOf(c.article), ...(c.from === c.article ? {} : { from: nameOf(c.from) }),
      sentence: c.sentence, kind: c.kind, variant: c.variant, expected: c.expected, flagged: verdicts.get(c)!.flagged, codes: verdicts.get(c)!.codes,
      source: c.source, claim: c.claim,
    }));
    writeFileSync(options.rows, lines.join('\n') + (lines.length ? '\n' : ''));
    console.log(`eval: ${cases.length} rows written to ${options.rows}`);
  }

  const measured = cases.filter((c) => !(CONTROL_KINDS as readonly string[]).includes(c.kind));
  const recalls = conflictKinds.map((k) => ({ k, group: of(k) })).filter(({ group }) => group.length > 0)
    .map(({ k, group }) => ({ k, r: group.filter((c) => verdicts.get(c)!.flagged).length / group.length }));
  const min = recalls.reduce<{ k: string; r: number } | undefined>((m, x) => (m === undefined || x.r < m.r ? x : m), undefined);
  const rewrites = measured.filter((c) => c.expected === 'consistent');
  const falseAlarms = rewrites.length ? rewrites.filter((c) => verdicts.get(c)!.flagged).length / rewrites.length : 0;
  const unverifiable = of('elsewhere');
  const unverifiableAlarms = unverifiable.length ? ` unverifiable=${(unverifiable.filter((c) => verdicts.get(c)!.flagged).length / unverifiable.length).toFixed(3)}` : '';
  console.log(`eval: cases=${measured.length} min-recall=${min ? min.r.toFixed(3) : '1.000'} (${min ? min.k : 'none'}) false-alarms=${falseAlarms.toFixed(3)}${unverifiableAlarms}`);
}

main();
