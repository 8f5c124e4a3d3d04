/** Words that make a name a place, and the prepositions of location. General English: no list here names anything of a particular article. */

/** Lower-case nouns that, right before a name, make it a place ("the city of Leeds", "the town Gao"). */
export const PLACE_HINTS = new Set(['city', 'town', 'village', 'province', 'region', 'state', 'county', 'district', 'capital', 'port', 'island', 'country', 'municipality', 'suburb', 'neighbourhood', 'neighborhood']);

/** Words that make a proper-noun run a place. Lower-case. */
export const PLACE_WORDS = new Set([
  'city', 'province', 'state', 'county', 'district', 'region', 'island', 'islands', 'river', 'lake', 'mountain', 'mountains', 'valley',
  'sea', 'ocean', 'gulf', 'bay', 'strait', 'desert', 'airport', 'port', 'square', 'street', 'avenue', 'road', 'bridge', 'park',
  'peninsula', 'coast', 'border', 'capital', 'village', 'town', 'governorate', 'strip', 'bank', 'hills', 'heights', 'canal',
]);

/** Prepositions after which a proper noun is usually a place. */
export const PLACE_PREPOSITIONS = new Set(['in', 'at', 'to', 'from', 'into', 'near', 'across', 'outside', 'inside', 'throughout', 'towards', 'toward', 'via']);
