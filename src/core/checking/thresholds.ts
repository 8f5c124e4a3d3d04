/**
 * How well a source sentence must align with a claim (idf-weighted share of the
 * claim's words it contains) before a difference in a slot is called a conflict.
 * Set on the dev set by kind of slot, not per claim; a higher bar where a wrong
 * alignment would be costly (entities, polarity) than where the slot itself is
 * strong evidence (a number counting the same thing).
 */
export const NUMBER_MIN_ALIGNMENT = 0.35;
export const DATE_MIN_ALIGNMENT = 0.4;
/** A date comparison with every name of the claim present may settle for less. */
export const DATE_MIN_ALIGNMENT_ANCHORED = 0.3;
export const ENTITY_MIN_ALIGNMENT = 0.5;
/** A sentence that does name the claim's entity, aligning at least this share of the best one, supports it. */
export const ENTITY_SUPPORT_RATIO = 0.75;
export const PLACE_MIN_ALIGNMENT = 0.45;
/** A figure or date agreeing with the claim's supports it only in a sentence aligned at least this share of the one that gave a conflict. */
export const VALUE_SUPPORT_RATIO = 0.75;
/** Another sentence aligning at least this share of the best one, with another name in the slot, makes a fix's name a toss-up. */
export const FIX_RIVAL_RATIO = 0.9;
export const POLARITY_MIN_ALIGNMENT = 0.5;
export const NEGATION_MIN_ALIGNMENT = 0.6;
/** An opposite standing in the claim word's own slot (the words on one side of both the same) may settle for less. */
export const POLARITY_SLOT_MIN_ALIGNMENT = 0.3;
/** Share of words a quote must share, in order, with a source passage to be taken for a (mis)quote of it. */
export const QUOTE_MIN_SIMILARITY = 0.6;
export const QUOTE_MIN_WORDS = 3;
/** How many ranked sentences a check looks at. */
export const MAX_ALIGNED = 8;
/** Below this alignment a claim has no support in the sources (for the optional unsupported/ hint). */
export const UNSUPPORTED_MAX_ALIGNMENT = 0.2;
