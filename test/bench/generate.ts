/** Synthetic articles and memos of a given size for the benchmarks: seeded, so every run measures the same text. */

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Anna', 'Pieter', 'Leila', 'Omar', 'Sofia', 'Jonas', 'Amara', 'Ravi', 'Elena', 'Tomas', 'Nadia', 'Kofi', 'Mei', 'Lucas', 'Ines'];
const LAST = ['Berg', 'Haddad', 'Okafor', 'Novak', 'Lindqvist', 'Mensah', 'Sato', 'Ferreira', 'Kowalski', 'Demir', 'Varga', 'Osei', 'Rahman', 'Keller'];
const ORGS = ['the Ministry of Finance', 'the Central Bank', 'the Port Authority', 'the Farmers Union', 'the Energy Agency', 'the Health Council', 'the Transport Board'];
const PLACES = ['Lisbon', 'Nairobi', 'Gdansk', 'Valencia', 'Accra', 'Tampere', 'Izmir', 'Porto', 'Kisumu', 'Lyon', 'Brno', 'Malmo'];
const NOUNS = ['schools', 'hospitals', 'farms', 'ships', 'workers', 'households', 'projects', 'clinics', 'buses', 'homes', 'licences', 'permits'];
const VERBS = ['approved', 'delayed', 'funded', 'reviewed', 'expanded', 'announced', 'cancelled', 'inspected', 'opened', 'closed'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const TOPICS = ['budget', 'reform', 'strike', 'programme', 'tender', 'inquiry', 'subsidy', 'merger', 'treaty', 'audit'];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

function person(random: () => number): string {
  return `${pick(random, FIRST)} ${pick(random, LAST)}`;
}

/** One sentence of news prose, of one of several shapes (facts, quotes, attributions). */
function sentence(random: () => number): string {
  const n = 5 + Math.floor(random() * 5000);
  const year = 1995 + Math.floor(random() * 30);
  switch (Math.floor(random() * 6)) {
    case 0: return `${pick(random, ORGS).replace(/^t/, 'T')} ${pick(random, VERBS)} ${n.toLocaleString('en-US')} ${pick(random, NOUNS)} in ${pick(random, PLACES)} in ${year}.`;
    case 1: return `\u201cWe will not accept another ${pick(random, TOPICS)} like this,\u201d said ${person(random)}, who leads ${pick(random, ORGS)}.`;
    case 2: return `On ${pick(random, MONTHS)} ${1 + Math.floor(random() * 28)}, officials in ${pick(random, PLACES)} said more than ${n} ${pick(random, NOUNS)} had been ${pick(random, VERBS)}.`;
    case 3: return `According to ${person(random)}, the ${pick(random, TOPICS)} in ${pick(random, PLACES)} was ${pick(random, VERBS)} after months of talks with ${pick(random, ORGS)}.`;
    case 4: return `The ${pick(random, TOPICS)} has been discussed since ${year}, and about ${n} ${pick(random, NOUNS)} are affected across the region.`;
    default: return `${person(random)} told reporters in ${pick(random, PLACES)} that the ${pick(random, TOPICS)} would not be ${pick(random, VERBS)} before ${pick(random, MONTHS)}.`;
  }
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** An article of about `targetWords` words in paragraphs of three to five sentences. */
export function article(seed: number, targetWords: number): string {
  const random = seededRandom(seed);
  const paragraphs: string[] = [`Report ${seed}: the ${pick(random, TOPICS)} in ${pick(random, PLACES)}`];
  let count = 0;
  while (count < targetWords) {
    const paragraph: string[] = [];
    const size = 3 + Math.floor(random() * 3);
    for (let i = 0; i < size; i++) paragraph.push(sentence(random));
    const text = paragraph.join(' ');
    count += words(text);
    paragraphs.push(text);
  }
  return paragraphs.join('\n\n') + '\n';
}

/** A memo of about `targetWords` words whose claims restate (and sometimes misstate) sentences of the sources. */
export function memo(seed: number, targetWords: number, sources: readonly string[]): string {
  const random = seededRandom(seed);
  const sentences = sources.flatMap((s) => s.split(/\n\n/).slice(1).flatMap((p) => p.split(/(?<=[.!?\u201d])\s+(?=[A-Z\u201c])/)));
  const parts: string[] = ['# Benchmark memo', ''];
  let count = 0;
  let section = 0;
  while (count < targetWords) {
    if (count / 400 > section) parts.push(`## Section ${++section}`, '');
    const lines: string[] = [];
    for (let i = 0; i < 4; i++) {
      let claim = pick(random, sentences);
      // A fifth of the claims carry a changed number, a third of those a changed place.
      if (random() < 0.2) claim = claim.replace(/\d[\d,]*/, (m) => String(Number(m.replace(/,/g, '')) + 7));
      if (random() < 0.07) claim = claim.replace(new RegExp(PLACES.join('|')), pick(random, PLACES));
      lines.push(claim);
    }
    const text = random() < 0.3 ? lines.map((l) => `- ${l}`).join('\n') : lines.join(' ');
    count += words(text);
    parts.push(text, '');
  }
  return parts.join('\n');
}
