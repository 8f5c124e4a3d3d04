import fitted from './fitted/alignment-thresholds.json';

/**
 * How well a source sentence must align with a claim (idf-weighted share of the claim's words it contains) before a
 * difference in a slot is called a conflict, per kind of slot: fitted on labelled claims by `npm run fit`, which
 * writes them to fitted/alignment-thresholds.json (test/eval/fit.ts says how).
 */
export interface AlignmentThresholds {
  readonly number: number;
  readonly date: number;
  /** A date comparison with every name of the claim present may settle for less. */
  readonly dateAnchored: number;
  readonly entity: number;
  readonly place: number;
  readonly polarity: number;
  readonly negation: number;
  /** An opposite standing in the claim word's own slot (the words on one side of both the same) may settle for less. */
  readonly polaritySlot: number;
}

export const FITTED_ALIGNMENT_THRESHOLDS: AlignmentThresholds = fitted.thresholds;

// Bindings, not constants, so that `npm run fit` can try other values in-process (useAlignmentThresholds); nothing
// else sets them.
export let NUMBER_MIN_ALIGNMENT = FITTED_ALIGNMENT_THRESHOLDS.number;
export let DATE_MIN_ALIGNMENT = FITTED_ALIGNMENT_THRESHOLDS.date;
export let DATE_MIN_ALIGNMENT_ANCHORED = FITTED_ALIGNMENT_THRESHOLDS.dateAnchored;
export let ENTITY_MIN_ALIGNMENT = FITTED_ALIGNMENT_THRESHOLDS.entity;
export let PLACE_MIN_ALIGNMENT = FITTED_ALIGNMENT_THRESHOLDS.place;
export let POLARITY_MIN_ALIGNMENT = FITTED_ALIGNMENT_THRESHOLDS.polarity;
export let NEGATION_MIN_ALIGNMENT = FITTED_ALIGNMENT_THRESHOLDS.negation;
export let POLARITY_SLOT_MIN_ALIGNMENT = FITTED_ALIGNMENT_THRESHOLDS.polaritySlot;

/** For `npm run fit` alone: checks from now on use these minimum alignments. */
export function useAlignmentThresholds(t: AlignmentThresholds): void {
  NUMBER_MIN_ALIGNMENT = t.number;
  DATE_MIN_ALIGNMENT = t.date;
  DATE_MIN_ALIGNMENT_ANCHORED = t.dateAnchored;
  ENTITY_MIN_ALIGNMENT = t.entity;
  PLACE_MIN_ALIGNMENT = t.place;
  POLARITY_MIN_ALIGNMENT = t.polarity;
  NEGATION_MIN_ALIGNMENT = t.negation;
  POLARITY_SLOT_MIN_ALIGNMENT = t.polaritySlot;
}

/** A sentence that does name the claim's entity, aligning at least this share of the best one, supports it. */
export const ENTITY_SUPPORT_RATIO = 0.75;
/** A figure or date agreeing with the claim's supports it only in a sentence aligned at least this share of the one that gave a conflict. */
export const VALUE_SUPPORT_RATIO = 0.75;
/** Another sentence aligning at least this share of the best one, with another name in the slot, makes a fix's name a toss-up. */
export const FIX_RIVAL_RATIO = 0.9;
/** Share of words a quote must share, in order, with a source passage to be taken for a (mis)quote of it. */
export const QUOTE_MIN_SIMILARITY = 0.6;
export const QUOTE_MIN_WORDS = 3;
/** How many ranked sentences a check looks at. */
export const MAX_ALIGNED = 8;
/** Below this alignment a claim has no support in the sources (for the optional unsupported/ hint). */
export const UNSUPPORTED_MAX_ALIGNMENT = 0.2;
