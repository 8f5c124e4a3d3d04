/** Number words, magnitudes and the qualifiers that make a number a bound or an estimate. General English: no list here names anything of a particular article. */

/** Number words, for "two and a half thousand" and "three". */
export const SMALL_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, dozen: 12, a: 1, an: 1, half: 0.5,
};

export const MAGNITUDES: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, k: 1e3, m: 1e6, bn: 1e9, mn: 1e6,
  hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9, dozens: 12,
};

/** Words before a number that make it approximate or a bound, mapped to the bound they set. */
export const NUMBER_QUALIFIERS: Record<string, 'over' | 'under' | 'about' | 'exact'> = {
  over: 'over', 'more than': 'over', 'above': 'over', 'at least': 'over', 'upwards of': 'over', 'in excess of': 'over', 'nearly': 'under',
  'almost': 'under', 'under': 'under', 'less than': 'under', 'fewer than': 'under', 'below': 'under', 'up to': 'under', 'at most': 'under',
  'about': 'about', 'around': 'about', 'approximately': 'about', 'roughly': 'about', 'some': 'about', 'an estimated': 'about',
  'estimated': 'about', 'nearly some': 'about', 'close to': 'about', 'in the region of': 'about', 'as much as': 'under', 'as many as': 'under',
  'exactly': 'exact', 'precisely': 'exact', 'just': 'exact',
};

/** Fraction words ("two-thirds", "a quarter of"): the denominator each names, singular and plural. */
export const FRACTION_DENOMINATORS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5, fifths: 5, sixth: 6, sixths: 6,
  seventh: 7, sevenths: 7, eighth: 8, eighths: 8, ninth: 9, ninths: 9, tenth: 10, tenths: 10, hundredth: 100, hundredths: 100,
};

/** Magnitudes written as an abbreviation glued to the figure ("£32.8m", "$2.4bn", "40k"), never after a space ("5 m" is metres). */
export const MAGNITUDE_ABBREVIATIONS = new Set(['k', 'm', 'bn', 'mn', 'b', 'tn']);

/** Currency signs before an amount, and the currency each names (the amount's unit). */
export const CURRENCY_SIGNS: Record<string, string> = {
  $: 'dollar', '\u20ac': 'euro', '\u00a3': 'pound', '\u00a5': 'yen', '\u20a6': 'naira', '\u20b9': 'rupee', '\u20a9': 'won', '\u20bd': 'rouble',
  '\u20ba': 'lira', '\u20b1': 'peso', '\u20aa': 'shekel', '\u20b4': 'hryvnia', '\u20ab': 'dong', '\u0e3f': 'baht', '\u20b5': 'cedi',
};

/** Words that, after a determiner, make "one" a pronoun ("the one holding it", "no one", "this one"), not a count. */
export const ONE_AS_PRONOUN_AFTER = new Set(['the', 'this', 'that', 'which', 'no', 'any', 'every', 'each', 'someone', 'last', 'only', 'another', 'other', 'no-one']);

/** Plurals without a final s: "the 2000 people" counts people, where "the 2030 target" names a year. */
export const PLURALS_WITHOUT_S = new Set(['people', 'men', 'women', 'children', 'staff', 'police', 'personnel', 'cattle', 'sheep', 'fish', 'feet', 'teeth', 'mice', 'geese', 'livestock', 'crew', 'faculty']);

/** Measures a count is given in, singular after it ("a 2000 square foot salon", "the 1500 metre race"): a count, not a year. */
export const MEASURE_WORDS = new Set([
  'square', 'cubic', 'foot', 'metre', 'meter', 'mile', 'kilometre', 'kilometer', 'km', 'yard', 'inch', 'acre', 'hectare', 'tonne', 'ton',
  'kilogram', 'kg', 'gram', 'litre', 'liter', 'gallon', 'barrel', 'megawatt', 'mw', 'seat', 'strong', 'bed', 'page', 'word', 'point', 'plus',
]);
