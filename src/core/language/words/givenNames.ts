/** Given names and common nouns from maintained datasets (see *.generated.ts), for telling a person's name from a firm's. */
import { COMMON_NOUNS } from './commonNouns.generated';
import { EITHER_FIRST_NAMES, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES } from './firstNames.generated';

let nouns: Set<string> | undefined;
let givenNames: Map<string, 'female' | 'male' | 'either'> | undefined;

/** Singular readings of a lower-case word: itself, and without a plural ending ("ferries" → "ferry", "boxes" → "box"). */
function singulars(word: string): string[] {
  const forms = [word];
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) forms.push(word.slice(0, -1));
  return forms;
}

/** True when `word` (any case), or its singular, is a common noun of things, acts or bodies (never of a person). Built on first use. */
export function isCommonNoun(word: string): boolean {
  nouns ??= new Set(COMMON_NOUNS.split(' '));
  return singulars(word.toLowerCase()).some((w) => nouns!.has(w));
}

/** The sex a given name is given to ("Kate": female; "Bill": either), or undefined when it is no English given name. Built on first use. */
export function givenNameSex(word: string): 'female' | 'male' | 'either' | undefined {
  if (!givenNames) {
    givenNames = new Map();
    for (const n of FEMALE_FIRST_NAMES.split(' ')) givenNames.set(n, 'female');
    for (const n of MALE_FIRST_NAMES.split(' ')) givenNames.set(n, 'male');
    for (const n of EITHER_FIRST_NAMES.split(' ')) givenNames.set(n, 'either');
  }
  return givenNames.get(word.toLowerCase());
}
