/** The JSON shape of `memo-check extract --format json` that other tools rely on (README, "memo-check"). */
import { factsOf, factValues, type Extraction, type FactValue } from './extract';
import type { Range } from '../text/offsets';
import { sentenceText } from './source';

export const REPORT_VERSION = 1;

export interface ExtractedQuoteJson {
  text: string;
  speaker: string | null;
  range: Range;
}

export interface ExtractedFactJson {
  text: string;
  range: Range;
  values: { type: FactValue['type']; text: string; value: number | string }[];
}

export interface ExtractedSourceJson {
  path: string;
  key: string;
  title: string;
  quotes: ExtractedQuoteJson[];
  facts: ExtractedFactJson[];
}

function valueOf(v: FactValue): number | string {
  if (v.type === 'number') return v.value;
  if (v.type === 'date') {
    const pad = (n: number): string => String(n).padStart(2, '0');
    if (v.precision === 'weekday' || v.precision === 'relative') return v.text;
    if (v.precision === 'day') return `${v.year ?? '-'}-${pad(v.month ?? 0)}-${pad(v.day ?? 0)}`;
    if (v.precision === 'month') return v.year ? `${v.year}-${pad(v.month ?? 0)}` : `--${pad(v.month ?? 0)}`;
    return String(v.year);
  }
  return v.value;
}

export function extractionToJson(x: Extraction, displayPath: string): ExtractedSourceJson {
  const { source } = x;
  return {
    path: displayPath,
    key: source.key,
    title: source.meta.title ?? source.key,
    quotes: x.quotes.map((q) => ({ text: q.text, speaker: q.speaker, range: source.lines.rangeOf(q) })),
    facts: factsOf(x).map((f) => ({
      text: sentenceText(source, f.sentence),
      range: source.lines.rangeOf(f.sentence),
      values: factValues(f).map((v) => ({ type: v.type, text: v.text, value: valueOf(v) })),
    })),
  };
}
