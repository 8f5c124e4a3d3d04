/**
 * The word lists the engine reads, one module per list (see each for what it holds). General English and world
 * knowledge only: a list that names a word of a particular article is a defect.
 */
export * from './countries';
export * from './titles';
export * from './organizations';
export * from './places';
export * from './speech';
export * from './calendar';
export * from './numbers';
export * from './polarity';
export * from './gazetteer';
export * from './givenNames';
export * from './antonyms';
export * from './currencies.generated';
export * from './acronyms.generated';
