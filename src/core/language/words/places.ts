/** Words that make a name a place, and the prepositions of location. General English: no list here names anything of a particular article. */

/** Lower-case nouns that, right before a name, make it a place ("the city of Leeds", "the town Gao"). */
export const PLACE_HINTS = new Set(['city', 'town', 'village', 'province', 'region', 'state', 'county', 'district', 'capital', 'port', 'island', 'country', 'municipality', 'suburb', 'neighbourhood', 'neighborhood']);

/** Words that make a proper-noun run a place. Lower-case. */
export const PLACE_WORDS = new Set([
  'city', 'province', 'state', 'county', 'district', 'region', 'island', 'islands', 'river', 'lake', 'mountain', 'mountains', 'valley',
  'sea', 'ocean', 'gulf', 'bay', 'strait', 'desert', 'airport', 'port', 'square', 'street', 'avenue', 'road', 'bridge', 'park',
  'peninsula', 'coast', 'border', 'capital', 'village', 'town', 'governorate', 'strip', 'bank', 'hills', 'heights', 'canal',
  'delta', 'aquifer', 'dam', 'basin', 'reservoir', 'plateau', 'lagoon', 'estuary', 'archipelago', 'wetlands',
  'highlands', 'lowlands', 'falls', 'glacier', 'oasis', 'steppe',
]);

/** Words that make a proper-noun run a place as its first word ("Lake Victoria", "Mount Kenya", "Cape Town"). */
export const PLACE_FIRST_WORDS = new Set(['lake', 'mount', 'mt', 'river', 'cape', 'isle', 'isles', 'gulf', 'port', 'fort', 'bay', 'sierra']);

/** Points of the compass: with a name after them ("East Africa", "West Midlands") or paired ("North East"), a region. */
export const COMPASS_WORDS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'north-east', 'north-west', 'south-east', 'south-west', 'northeast', 'northwest', 'southeast', 'southwest']);

/** Continents and world regions, lower-case. */
export const WORLD_REGIONS = new Set(['africa', 'asia', 'europe', 'america', 'americas', 'oceania', 'antarctica', 'arctic', 'caribbean', 'middle east', 'balkans', 'sahel', 'scandinavia', 'latin america', 'pacific', 'atlantic', 'mediterranean', 'levant', 'caucasus', 'maghreb', 'horn of africa', 'sub-saharan africa', 'gulf']);

/** Prepositions after which a proper noun is usually a place. */
export const PLACE_PREPOSITIONS = new Set(['in', 'at', 'to', 'from', 'into', 'near', 'across', 'outside', 'inside', 'throughout', 'towards', 'toward', 'via']);

/** The prepositions of {@link PLACE_PREPOSITIONS} that place a person ("a farmer in X", "a driver from X"). */
export const LOCATING_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'from', 'near', 'outside']);
