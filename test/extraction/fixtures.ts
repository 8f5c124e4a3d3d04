/** The extraction ground truth of test/fixtures/extraction: each article extracted and scored against its labels. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { extract } from '../../src/core/sources/extract';
import { extractionToJson } from '../../src/core/sources/report';
import { parseSource } from '../../src/core/sources/source';
import { formatScore, pool, scoreExtraction, type DocumentScore, type Floors, type Labels } from './score';

export const FIXTURE_DIR = join('test', 'fixtures', 'extraction');

/** The repository root: the nearest folder above `from` that holds the fixtures (works from test/ and from dist/). */
export function repositoryRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, FIXTURE_DIR, 'labels'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no ${FIXTURE_DIR} above ${from}`);
  }
}

export interface LabelledArticle {
  /** The article's file name, e.g. wire-dateline.txt. */
  name: string;
  path: string;
  content: string;
  labels: Labels;
}

/** Every labelled article, by file name. */
export function labelledArticles(root: string = repositoryRoot(), dir: string = join(root, FIXTURE_DIR)): LabelledArticle[] {
  const articles = readdirSync(join(dir, 'articles')).sort();
  return readdirSync(join(dir, 'labels')).filter((f) => f.endsWith('.json')).sort().map((labelFile) => {
    const base = labelFile.replace(/\.json$/, '');
    const name = articles.find((a) => a.replace(/\.[^.]+$/, '') === base);
    if (!name) throw new Error(`no article for labels/${labelFile}`);
    const path = join(dir, 'articles', name);
    return { name, path, content: readFileSync(path, 'utf8'), labels: JSON.parse(readFileSync(join(dir, 'labels', labelFile), 'utf8')) as Labels };
  });
}

export interface ScoredArticle {
  name: string;
  score: DocumentScore;
}

/** Each labelled article's extraction (as `memo-check extract --format json` gives it) scored against its labels. */
export function scoreArticles(root: string = repositoryRoot(), dir?: string): ScoredArticle[] {
  return labelledArticles(root, dir).map((a) => ({
    name: a.name,
    score: scoreExtraction(extractionToJson(extract(parseSource({ path: a.path, content: a.content })), a.name), a.labels),
  }));
}

export function readFloors(root: string = repositoryRoot()): Floors {
  return JSON.parse(readFileSync(join(root, FIXTURE_DIR, 'floors.json'), 'utf8')) as Floors;
}

/** The table per document and pooled; with `details`, also what each document missed and got wrong. */
export function formatReport(scored: readonly ScoredArticle[], details = false): string {
  const parts: string[] = [];
  for (const { name, score } of scored) {
    parts.push(formatScore(name, score));
    if (details) {
      for (const [type, t] of Object.entries(score)) {
        if (t.missed.length) parts.push(`  ${type} missed: ${t.missed.map((s: string) => JSON.stringify(s)).join(', ')}`);
        if (t.wrong.length) parts.push(`  ${type} wrong: ${t.wrong.map((s: string) => JSON.stringify(s)).join(', ')}`);
      }
      for (const w of score.quotes.wrongSpeakers) parts.push(`  speaker of ${JSON.stringify(w.text.slice(0, 50))}: ${w.extracted ?? 'null'}, labelled ${w.label ?? 'null'}`);
    }
    parts.push('');
  }
  parts.push(formatScore(`pooled (${scored.length} documents)`, pool(scored.map((s) => s.score))));
  return parts.join('\n');
}
