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
  'estimated': 'about', 'nearly some': 'about', 'close to': 'about', 'exactly': 'exact', 'precisely': 'exact', 'just': 'exact',
};
