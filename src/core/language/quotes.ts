/** Quotations in a text and who they are attributed to. */
import type { Mention } from './entities';
import { LOCATING_PREPOSITIONS, MESSAGE_NOUNS, ORGANIZATION_HINTS, ORGANIZATION_WORDS, PERSONAL_PRONOUNS, SPEECH_VERBS } from './words';
import type { Token } from './nlp';
import type { Span } from '../text/offsets';

export interface QuotePart extends Span {
  /** Offsets of the quoted words, without the quote marks. */
  readonly text: string;
}

export interface Quote extends Span {
  /** The quoted words; parts of a quote interrupted by "he said" are joined with a space. */
  readonly text: string;
  readonly parts: readonly QuotePart[];
  /** The canonical name of who said it, or null for a scare quote or an unattributed one. */
  readonly speaker: string | null;
  /** Where the text names the speaker for this quote ("said X"), when a name (not a pronoun) attributes it. */
  readonly speakerSpan?: Span;
}

/** Who a quote is attributed to, and the name that says so (none for a pronoun). */
interface Attribution {
  readonly speaker: string | null;
  readonly mention?: Mention;
}

const UNATTRIBUTED: Attribution = { speaker: null };
// An organisation's short form speaks for the organisation it names in full ("the Fund" for the Southern ... Fund).
const named = (m: Mention): Attribution => ({ speaker: m.entity ?? m.canonical, mention: m });

type Family = 'double' | 'single';

interface Mark {
  readonly offset: number;
  readonly family: Family;
  readonly role: 'open' | 'close';
}

const LETTER = /[\p{L}\p{N}]/u;
const OPENING_CONTEXT = /[\s([{\u2014\u2013]/;

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch);
}

const QUOTE_CHARACTERS = new Set(['\u201c', '\u201e', '\u00ab', '\u201d', '\u00bb', '"', '\u2018', '\u2019', "'"]);

/** Classifies each quote character as an opening mark, a closing mark, or neither (an apostrophe). */
function quoteMarks(text: string, span: Span): Mark[] {
  const marks: Mark[] = [];
  for (let i = span.start; i < span.end; i++) {
    const ch = text[i];
    // Only quote characters need their context read (a long text has few).
    if (!QUOTE_CHARACTERS.has(ch)) continue;
    const before = i > span.start ? text[i - 1] : undefined;
    const after = i + 1 < span.end ? text[i + 1] : undefined;
    const openingSide = before === undefined || OPENING_CONTEXT.test(before) || before === '\u201c' || before === '"';
    const closingSide = after === undefined || /[\s.,;:!?)\]\u2014\u2013-]/.test(after) || after === '\u201d' || after === '"';
    switch (ch) {
      case '\u201c': case '\u201e': case '\u00ab':
        marks.push({ offset: i, family: 'double', role: 'open' });
        break;
      case '\u201d': case '\u00bb':
        marks.push({ offset: i, family: 'double', role: 'close' });
        break;
      case '"':
        if (openingSide && after !== undefined && !/\s/.test(after)) marks.push({ offset: i, family: 'double', role: 'open' });
        else if (before !== undefined && !/\s/.test(before) && closingSide) marks.push({ offset: i, family: 'double', role: 'close' });
        break;
      case '\u2018':
        if (!isLetter(before)) marks.push({ offset: i, family: 'single', role: 'open' });
        break;
      case '\u2019': case "'":
        if (isLetter(before) && isLetter(after)) break; // don't, knife's
        if (openingSide && after !== undefined && !/\s/.test(after) && ch === "'") marks.push({ offset: i, family: 'single', role: 'open' });
        else if (before !== undefined && !/\s/.test(before) && closingSide) marks.push({ offset: i, family: 'single', role: 'close' });
        break;
      default:
        break;
    }
  }
  return marks;
}

function trimQuoted(text: string, start: number, end: number): QuotePart | undefined {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /[\s,]/.test(text[e - 1])) e--;
  if (e <= s) return undefined;
  return { start: s, end: e, text: text.slice(s, e) };
}

/** Quoted passages inside a block (a paragraph): top-level quotes only; unclosed ones are dropped. */
export function findQuotedParts(text: string, block: Span): QuotePart[] {
  const parts: QuotePart[] = [];
  let open: Mark | undefined;
  const pendingSingles: Mark[] = [];
  for (const mark of quoteMarks(text, block)) {
    if (!open) {
      if (mark.role === 'open') open = mark;
      continue;
    }
    if (mark.family !== open.family) {
      // A quote inside a quote: track it so its closing mark does not end the outer one.
      if (mark.role === 'open') pendingSingles.push(mark);
      else if (pendingSingles.length) pendingSingles.pop();
      continue;
    }
    if (mark.role === 'open') {
      if (open.family === 'single') pendingSingles.push(mark);
      continue;
    }
    if (pendingSingles.length && open.family === 'single') {
      pendingSingles.pop();
      continue;
    }
    const part = trimQuoted(text, open.offset + 1, mark.offset);
    if (part) parts.push(part);
    open = undefined;
    pendingSingles.length = 0;
  }
  return parts;
}

/** Words between two parts of one interrupted quote ("…,” he said, “…"). */
const INTERRUPTION_MAX_WORDS = 8;
/** Quotes shorter than this and with no verb of saying around them are scare quotes. */
const SCARE_QUOTE_MAX_WORDS = 5;
/** How many tokens before a verb of saying its subject is looked for. */
const SUBJECT_LOOKBEHIND = 8;

export interface QuoteContext {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly (Span & { firstToken: number; endToken: number })[];
  readonly mentions: readonly Mention[];
  readonly blocks: readonly Span[];
}

function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid].end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

function isSpeaker(m: Mention): boolean {
  return (m.type === 'person' || m.type === 'organization') && !m.demonym;
}

/** Lookups over a document's mentions and sentences, built once per document (a long source has many quotes). */
interface Lookups {
  readonly byToken: Map<number, Mention>;
  /** People, in order of their start. */
  readonly people: readonly Mention[];
  /** Organisations, in order of their start. */
  readonly organizations: readonly Mention[];
}

/** How many organisations named before a description ("the ministry") are looked at for the one it means. */
const DESCRIBED_LOOKBACK = 50;

const lookups = new WeakMap<readonly Mention[], Lookups>();

function lookupsOf(mentions: readonly Mention[]): Lookups {
  let l = lookups.get(mentions);
  if (!l) {
    const byToken = new Map<number, Mention>();
    for (const m of mentions) for (let k = m.firstToken; k < m.endToken; k++) if (!byToken.has(k)) byToken.set(k, m);
    l = { byToken, people: mentions.filter((m) => m.type === 'person').sort((a, b) => a.start - b.start), organizations: mentions.filter((m) => m.type === 'organization').sort((a, b) => a.start - b.start) };
    lookups.set(mentions, l);
  }
  return l;
}

/**
 * The person a pronoun at `offset` most likely refers to: the nearest person named
 * before it in the same block, else one named just after it in that block
 * ("she said: '…' That was our director, X"), else the nearest before. A transcript's
 * speaker labels are never antecedents: speakers say "I", not "she".
 */
function resolvePronoun(text: string, mentions: readonly Mention[], offset: number, block?: Span, gender?: Gender, genders?: ReadonlyMap<string, Gender>): Mention | null {
  const { people: everyone } = lookupsOf(mentions);
  // A "she" is not a man the text calls "he" or "Mr": people of the other gender are passed over.
  const people = gender && genders && genders.size ? peopleOfGender(everyone, genders, gender) : everyone;
  const low = firstStartingFrom(people, offset);
  let before: Mention | undefined;
  for (let k = low - 1; k >= 0; k--) {
    if (people[k].label) continue;
    // "X said Y's plan would fail. 'It will not,' she said": a name in the possessive is what the sentence is
    // about, seldom who goes on speaking; the nearest person before it, within the pronoun's reach, is taken first.
    if (!before) before = people[k];
    if (!POSSESSIVE_AFTER.test(text.slice(people[k].end, people[k].end + 2))) {
      if (before !== people[k] && offset - people[k].start <= PRONOUN_LOOKBEHIND_CHARS) before = people[k];
      break;
    }
  }
  if (block && (!before || before.start < block.start)) {
    // People from `low` on start at or after the pronoun: only those within the look-ahead can be the one.
    for (let k = low; k < people.length && people[k].start - offset <= PRONOUN_LOOKAHEAD_CHARS; k++) {
      const m = people[k];
      if (!m.label && m.start > offset && m.end <= block.end) return m;
    }
  }
  return before ?? null;
}

/** A possessive after a name: "Bao's", "Bao’s". */
const POSSESSIVE_AFTER = /^['\u2019]s/;
/** How far back a name not in the possessive may be and still be taken over a nearer one in the possessive: about two sentences. */
const PRONOUN_LOOKBEHIND_CHARS = 400;

type Gender = 'female' | 'male';

const byGender = new WeakMap<ReadonlyMap<string, Gender>, Map<Gender, readonly Mention[]>>();

/** The people (in order) who may be a pronoun of that gender: of that gender, or of none the text gives. Once per text. */
function peopleOfGender(people: readonly Mention[], genders: ReadonlyMap<string, Gender>, gender: Gender): readonly Mention[] {
  let lists = byGender.get(genders);
  if (!lists) byGender.set(genders, (lists = new Map()));
  let list = lists.get(gender);
  if (!list) lists.set(gender, (list = people.filter((m) => (genders.get(m.canonical) ?? gender) === gender)));
  return list;
}

const FEMALE_TITLES = new Set(['ms', 'mrs', 'miss', 'madam', 'madame', 'dame', 'lady', 'queen', 'princess', 'sister', 'chairwoman', 'spokeswoman', 'congresswoman', 'actress']);
const MALE_TITLES = new Set(['mr', 'sir', 'lord', 'king', 'prince', 'father', 'chairman', 'spokesman', 'congressman']);
const FEMALE_PRONOUNS = new Set(['she', 'her', 'hers', 'herself']);
const MALE_PRONOUNS = new Set(['he', 'him', 'his', 'himself']);

function genderOf(pronoun: string): Gender | undefined {
  const word = pronoun.toLowerCase();
  return FEMALE_PRONOUNS.has(word) ? 'female' : MALE_PRONOUNS.has(word) ? 'male' : undefined;
}

const genderCache = new WeakMap<readonly Mention[], Map<string, Gender>>();

/**
 * Each person's gender where the text gives it: an honorific or gendered title ("Ms Adeyemi", "spokeswoman"), else
 * the pronouns of sentences that name that person and no other ("Kamau said she ..."). A person the text gives
 * both ways, or neither, is left out (and matches any pronoun).
 */
function gendersOf(ctx: QuoteContext): Map<string, Gender> {
  let genders = genderCache.get(ctx.mentions);
  if (genders) return genders;
  const votes = new Map<string, { female: number; male: number }>();
  const vote = (name: string, gender: Gender, weight: number): void => {
    const v = votes.get(name) ?? { female: 0, male: 0 };
    v[gender] += weight;
    votes.set(name, v);
  };
  const { people } = lookupsOf(ctx.mentions);
  for (const m of people) {
    for (const word of (m.title ?? '').split(/\s+/)) {
      const w = word.replace(/\.$/, '');
      if (FEMALE_TITLES.has(w)) vote(m.canonical, 'female', 2);
      if (MALE_TITLES.has(w)) vote(m.canonical, 'male', 2);
    }
  }
  let p = 0;
  for (const sentence of ctx.sentences) {
    while (p < people.length && people[p].start < sentence.start) p++;
    const named = new Set<string>();
    for (let k = p; k < people.length && people[k].start < sentence.end; k++) if (!people[k].label) named.add(people[k].canonical);
    if (named.size !== 1) continue;
    const [name] = named;
    for (let k = sentence.firstToken; k < sentence.endToken; k++) {
      const gender = genderOf(ctx.tokens[k].text);
      if (gender) vote(name, gender, 1);
    }
  }
  genders = new Map();
  for (const [name, v] of votes) if (v.female !== v.male) genders.set(name, v.female > v.male ? 'female' : 'male');
  genderCache.set(ctx.mentions, genders);
  return genders;
}

/** The index of the first mention (mentions in order of their start) starting at or after `offset`: a binary search. */
function firstStartingFrom(mentions: readonly Mention[], offset: number): number {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (mentions[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** How far after a pronoun, within its block, a name may still be what it refers to. */
const PRONOUN_LOOKAHEAD_CHARS = 200;

function mentionAt(mentions: readonly Mention[], tokenIndex: number): Mention | undefined {
  return lookupsOf(mentions).byToken.get(tokenIndex);
}

/** The index of the sentence containing `offset` (sentences are in order), or of the first one after it. */
function sentenceIndexAt(sentences: readonly Span[], offset: number): number {
  let low = 0;
  let high = sentences.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sentences[mid].end + 1 <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

function insideAny(parts: readonly Span[], offset: number): boolean {
  return parts.some((p) => p.start - 1 <= offset && offset <= p.end);
}

/** The first block (blocks are in order) that holds an offset: a binary search, a source has thousands. */
function blockAt(blocks: readonly Span[], offset: number): Span | undefined {
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (blocks[mid].end < offset) low = mid + 1;
    else high = mid;
  }
  return low < blocks.length && blocks[low].start <= offset ? blocks[low] : undefined;
}

/**
 * "the ministry", "the agency": an organisation named earlier by a name holding that word (the nearest before),
 * for a definite description at token k ("the" then the noun). Undefined when the text named none.
 */
function organizationDescribed(ctx: QuoteContext, k: number): Attribution | undefined {
  if (ctx.tokens[k]?.text.toLowerCase() !== 'the') return undefined;
  const noun = ctx.tokens[k + 1]?.text;
  if (!noun || !/^[a-z]/.test(noun) || !(ORGANIZATION_WORDS.has(noun) || ORGANIZATION_HINTS.has(noun))) return undefined;
  const at = ctx.tokens[k].start;
  const { organizations } = lookupsOf(ctx.mentions);
  const low = firstStartingFrom(organizations, at);
  // The nearest before, among the last few named: a description refers back, not to the start of a long text.
  for (let i = low - 1; i >= Math.max(0, low - DESCRIBED_LOOKBACK); i--) {
    const m = organizations[i];
    if (!m.dateline && m.canonical.toLowerCase().split(/\s+/).includes(noun)) return { speaker: m.canonical };
  }
  return undefined;
}

/** Most tokens an apposition or relative clause between a subject and its verb may hold ("X, finance spokeswoman for the Y Party, said"). */
const APPOSITION_MAX_TOKENS = 24;

/**
 * The person an apposition or relative clause closing at the comma `comma` describes: "Nicola Fairweather, finance
 * spokeswoman for the National Reform Party, said", "Osei, who heads the Office ... (OCHA), described": the subject is
 * the person before the opening comma, not the organisation the clause names last. Undefined when no such person.
 */
function appositionHead(ctx: QuoteContext, comma: number, from: number, quoteParts: readonly Span[]): Mention | undefined {
  for (let j = comma - 1; j > Math.max(from, comma - APPOSITION_MAX_TOKENS); j--) {
    const t = ctx.tokens[j];
    if (t.text === '.' || t.text === ';' || insideAny(quoteParts, t.start)) return undefined;
    if (t.text !== ',') continue;
    const m = mentionAt(ctx.mentions, j - 1);
    // "The Freight Alliance, which groups 24 firms, said": a relative clause on things describes an organisation.
    const onThings = ctx.tokens[j + 1]?.text.toLowerCase() === 'which';
    return m && (m.type === 'person' || (m.type === 'organization' && onThings)) && m.endToken === j ? m : undefined;
  }
  return undefined;
}

/**
 * The speaker a pronoun refers to, when the person it resolved to is named inside what someone else said: in
 * "Lahcen said Benjelloun had promised water. 'We heard the same promise,' she said", the one who goes on speaking
 * is the subject of "said" (Lahcen), not the person she spoke of. That subject, if a person of the pronoun's gender
 * (or of none the text gives) who says so with a verb of saying right after the name or its apposition; else the
 * person the pronoun resolved to.
 */
function speakerOverReported(ctx: QuoteContext, person: Mention, gender: Gender | undefined): Mention {
  const sentence = ctx.sentences[sentenceIndexAt(ctx.sentences, person.start)];
  if (!sentence) return person;
  const genders = gendersOf(ctx);
  for (let v = sentence.firstToken + 1; v < person.firstToken; v++) {
    const t = ctx.tokens[v];
    if (!(t.pos === 'VERB' && SPEECH_VERBS.has(t.lemma))) continue;
    const before = mentionAt(ctx.mentions, v - 1);
    const subject = before && before.endToken === v ? before : ctx.tokens[v - 1]?.text === ',' ? appositionHead(ctx, v - 1, sentence.firstToken, []) : undefined;
    if (!subject || subject.type !== 'person' || subject.label || subject.canonical === person.canonical) continue;
    if (gender && (genders.get(subject.canonical) ?? gender) !== gender) continue;
    return subject;
  }
  return person;
}

/** The person a pronoun at token k refers to, by {@link resolvePronoun} and then {@link speakerOverReported}. */
function pronounSpeaker(ctx: QuoteContext, k: number, block: Span | undefined): Attribution {
  const t = ctx.tokens[k];
  const gender = genderOf(t.text);
  const person = resolvePronoun(ctx.text, ctx.mentions, t.start, block, gender, gendersOf(ctx));
  return { speaker: person ? speakerOverReported(ctx, person, gender).canonical : null };
}

/** "Nadia Kerr of Harrowfield University said": the person of an organisation named right before it, who speaks. */
function memberOf(ctx: QuoteContext, organization: Mention): Mention | undefined {
  if (organization.type !== 'organization' || ctx.tokens[organization.firstToken - 1]?.text.toLowerCase() !== 'of') return undefined;
  const person = mentionAt(ctx.mentions, organization.firstToken - 2);
  return person && person.type === 'person' && person.endToken === organization.firstToken - 1 ? person : undefined;
}

/** True when mention m follows "<common noun> in/from/near/outside", as in "a registrar in Sligo", "one farmer from X". */
function isUnnamedSpeakersPlace(ctx: QuoteContext, m: Mention): boolean {
  const preposition = ctx.tokens[m.firstToken - 1];
  const noun = ctx.tokens[m.firstToken - 2];
  return m.type !== 'organization' && preposition !== undefined && LOCATING_PREPOSITIONS.has(preposition.text.toLowerCase()) && noun !== undefined && noun.pos === 'NOUN' && /^[a-z]/.test(noun.text);
}

/** The subject of a verb of saying at token v: a name or pronoun just before it, or a name just after ("said Hussein"). */
function subjectOf(ctx: QuoteContext, v: number, from: number, to: number, quoteParts: readonly Span[]): Attribution | undefined {
  const block = blockAt(ctx.blocks, ctx.tokens[v].start);
  if (ctx.tokens[v - 1]?.text === ',' && v - 1 > from) {
    const head = appositionHead(ctx, v - 1, from, quoteParts);
    if (head) return named(head);
  }
  for (let k = v - 1; k >= Math.max(from, v - SUBJECT_LOOKBEHIND); k--) {
    const t = ctx.tokens[k];
    if (insideAny(quoteParts, t.start)) break;
    const m = mentionAt(ctx.mentions, k);
    // "A registrar in Sligo told me": a name after a preposition of place that follows a common noun says where the
    // one speaking is; the speaker is that noun's unnamed person.
    if (m && isSpeaker(m) && m.endToken === v && isUnnamedSpeakersPlace(ctx, m)) return UNATTRIBUTED;
    if (m && isSpeaker(m)) return named(memberOf(ctx, m) ?? m);
    if (PERSONAL_PRONOUNS.has(t.text.toLowerCase())) return pronounSpeaker(ctx, k, block);
    const described = organizationDescribed(ctx, k);
    if (described) return described;
    if (t.pos === 'VERB' || t.text === '.' ) break;
  }
  for (let k = v + 1; k < Math.min(to, v + 4); k++) {
    const t = ctx.tokens[k];
    if (insideAny(quoteParts, t.start)) break;
    const m = mentionAt(ctx.mentions, k);
    if (m && isSpeaker(m)) return named(m);
    if (PERSONAL_PRONOUNS.has(t.text.toLowerCase())) return pronounSpeaker(ctx, k, block);
  }
  return undefined;
}

/** Who a quote is attributed to, from the sentences around it. */
function attribute(ctx: QuoteContext, parts: readonly QuotePart[]): Attribution {
  const first = parts[0];
  const last = parts[parts.length - 1];
  const startSentence = ctx.sentences[sentenceIndexAt(ctx.sentences, first.start)];
  const endSentence = ctx.sentences[Math.min(ctx.sentences.length - 1, sentenceIndexAt(ctx.sentences, last.end))] ?? startSentence;
  if (!startSentence || !endSentence) return UNATTRIBUTED;
  const from = startSentence.firstToken;
  const to = endSentence.endToken;
  const quoteStartToken = tokenIndexAt(ctx.tokens, first.start);
  // "according to X": the name after it.
  for (let k = from; k < to - 2; k++) {
    if (insideAny(parts, ctx.tokens[k].start)) continue;
    if (ctx.tokens[k].text.toLowerCase() === 'according' && ctx.tokens[k + 1].text.toLowerCase() === 'to') {
      const m = mentionAt(ctx.mentions, k + 2) ?? mentionAt(ctx.mentions, k + 3);
      if (m && isSpeaker(m)) return named(m);
      const described = organizationDescribed(ctx, k + 2);
      if (described) return described;
    }
  }
  // A verb of saying outside the quote, nearest to it first.
  const verbs: number[] = [];
  for (let k = from; k < to; k++) {
    const t = ctx.tokens[k];
    if (insideAny(parts, t.start)) continue;
    if ((t.pos === 'VERB' || t.pos === 'NOUN' || t.pos === 'AUX') && SPEECH_VERBS.has(t.lemma)) verbs.push(k);
  }
  verbs.sort((a, b) => Math.abs(a - quoteStartToken) - Math.abs(b - quoteStartToken));
  for (const v of verbs) {
    const subject = subjectOf(ctx, v, from, to, parts);
    if (subject !== undefined) return subject;
  }
  // "the tweet X sent", "in a statement, X": the author is the name after the message noun.
  for (let k = from; k < to; k++) {
    if (insideAny(parts, ctx.tokens[k].start) || !MESSAGE_NOUNS.has(ctx.tokens[k].lemma)) continue;
    for (let j = k + 1; j < Math.min(to, k + 8); j++) {
      const m = mentionAt(ctx.mentions, j);
      if (m && m.type === 'person') return named(m);
    }
  }
  // A long quote (a statement, not a phrase) with a person named in the same sentence.
  const words = parts.reduce((n, p) => n + p.text.split(/\s+/).length, 0);
  if (words > SCARE_QUOTE_MAX_WORDS) {
    const people: Mention[] = [];
    for (let k = from; k < to; k++) {
      const m = mentionAt(ctx.mentions, k);
      if (m && m.type === 'person' && m.firstToken === k && m.endToken <= to && !insideAny(parts, m.start)) people.push(m);
    }
    if (people.length) {
      people.sort((a, b) => Math.abs(a.start - first.start) - Math.abs(b.start - first.start));
      return named(people[0]);
    }
  }
  return UNATTRIBUTED;
}

/**
 * A transcript's turn label at the start of a paragraph: "REYES:", "Aminata Diallo:", "Ms Adeyemi:",
 * "THE CHAIR (Mr Abara):" (a role with the holder's name in brackets), "Dr. Reyes:".
 */
const TURN_LABEL = /^((?:\p{Lu}[\p{L}.'\u2019-]*)(?:\s+(?:\p{Lu}[\p{L}.'\u2019-]*|al|bin|van|von|de|te)){0,3}(?:\s*\((?:\p{Lu}[\p{L}.'\u2019-]*)(?:\s+(?:\p{Lu}[\p{L}.'\u2019-]*|al|bin|van|von|de|te)){0,3}\))?):[ \t]+(?=\S)/u;
/** How often a label must open a paragraph before the text is taken for a transcript. */
const TRANSCRIPT_MIN_TURNS = 2;

/** Who a label names: the name in brackets when there is one ("THE CHAIR (Mr Abara)" is Abara), else its last word. */
function labelKey(label: string): string {
  const bracketed = /\(([^)]*)\)\s*$/.exec(label);
  const name = bracketed ? bracketed[1] : label;
  return name.toUpperCase().split(/\s+/).pop() ?? name;
}

function transcriptTurns(ctx: QuoteContext): Map<Span, { label: string; labelSpan: Span; speech: QuotePart }> {
  const labelled = ctx.blocks.map((block) => ({ block, match: TURN_LABEL.exec(ctx.text.slice(block.start, block.end)) }));
  const counts = new Map<string, number>();
  // Keyed by the name, so "AMINATA DIALLO:" and later "DIALLO:", or "THE CHAIR (Mr Abara):" and "Mr Abara:", are one speaker.
  for (const { match } of labelled) if (match) counts.set(labelKey(match[1]), (counts.get(labelKey(match[1])) ?? 0) + 1);
  const turns = new Map<Span, { label: string; labelSpan: Span; speech: QuotePart }>();
  const labels = [...counts.entries()].filter(([, n]) => n >= TRANSCRIPT_MIN_TURNS).map(([l]) => l);
  // A transcript repeats its speakers: two labels at least, each opening two turns or more.
  if (labels.length < TRANSCRIPT_MIN_TURNS) return turns;
  for (const { block, match } of labelled) {
    if (!match) continue;
    // A speaker who speaks once is still a speaker, once the text is a transcript.
    const speech = trimQuoted(ctx.text, block.start + match[0].length, block.end);
    if (speech) turns.set(block, { label: match[1], labelSpan: { start: block.start, end: block.start + match[1].length }, speech });
  }
  return turns;
}

/**
 * A transcript's turns: what each speaker says, after the label that names them. They are statements, not quotes:
 * quotation marks inside a turn are quotes of their own (see {@link findQuotes}). The speaker is the person the
 * label names (a surname resolves to the full name given earlier, e.g. in the list of witnesses).
 */
export function findTurns(ctx: QuoteContext): Quote[] {
  const result: Quote[] = [];
  for (const [, turn] of transcriptTurns(ctx)) {
    const inLabel = ctx.mentions.filter((m) => m.type === 'person' && m.start >= turn.labelSpan.start && m.end <= turn.labelSpan.end);
    // "THE CHAIR (Mr Abara)": the holder's name, the last person the label names.
    const labelMention = inLabel.sort((a, b) => a.start - b.start)[inLabel.length - 1];
    const speaker = labelMention?.canonical ?? turn.label;
    result.push({
      start: turn.speech.start, end: turn.speech.end, text: turn.speech.text, parts: [turn.speech], speaker,
      ...(labelMention ? { speakerSpan: { start: labelMention.start, end: labelMention.end } } : {}),
    });
  }
  return result.sort((a, b) => a.start - b.start);
}

const ATTRIBUTION_EDGES = /^[\s\u201d\u2019"',]+|[\s\u201c\u2018"',:]+$/g;

/**
 * True when the text between two quoted parts is only an attribution that
 * interrupts one quote: “The offer is an insult,” Dekker said, “and our members
 * know it.” The first part must not end its sentence, and the attribution must end
 * with a comma before the quote resumes.
 */
function interruptsQuote(firstPart: string, between: string): boolean {
  if (/[.!?]\s*$/.test(firstPart) || !/,\s*[\u201c\u2018"']?\s*$/.test(between)) return false;
  const words = between.replace(ATTRIBUTION_EDGES, '').split(/\s+/).filter((w) => LETTER.test(w));
  if (words.length === 0 || words.length > INTERRUPTION_MAX_WORDS) return false;
  return words.some((w) => {
    const word = w.toLowerCase().replace(/[^a-z]/g, '');
    return SPEECH_VERBS.has(word) || SPEECH_VERBS.has(word.replace(/(?:ed|d|s)$/, '')) || /^(?:said|says|told|wrote)$/.test(word);
  });
}

/** All quotes of a document with their speakers. */
export function findQuotes(ctx: QuoteContext): Quote[] {
  const quotes: Quote[] = [];
  for (const block of ctx.blocks) {
    const parts = findQuotedParts(ctx.text, block);
    // Join parts split by a short attribution: “…,” he said, “…”.
    const groups: QuotePart[][] = [];
    for (const part of parts) {
      const previous = groups[groups.length - 1];
      const lastPart = previous?.[previous.length - 1];
      if (lastPart && interruptsQuote(ctx.text.slice(lastPart.start, lastPart.end), ctx.text.slice(lastPart.end, part.start))) {
        previous.push(part);
        continue;
      }
      groups.push([part]);
    }
    let previousSpeaker: string | null = null;
    for (const group of groups) {
      const attribution = attribute(ctx, group);
      let speaker = attribution.speaker;
      // A statement that follows another quote in the same paragraph, with no attribution of its own, continues it:
      // a long one, or a whole sentence however short ("'That adjustment is not finished.'").
      const words = group.reduce((n, p) => n + p.text.split(/\s+/).length, 0);
      const quoted = group.map((p) => p.text).join(' ');
      const sentence = /^\p{Lu}/u.test(quoted) && /[.!?]$/.test(quoted);
      if (speaker === null && previousSpeaker !== null && (words > SCARE_QUOTE_MAX_WORDS || sentence)) speaker = previousSpeaker;
      previousSpeaker = speaker;
      const m = attribution.mention;
      quotes.push({
        start: group[0].start, end: group[group.length - 1].end, text: quoted, parts: group, speaker,
        ...(m ? { speakerSpan: { start: m.start, end: m.end } } : {}),
      });
    }
  }
  return quotes;
}
