/** Month and weekday names. General English: no list here names anything of a particular article. */

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 1-based month of a month name or abbreviation. */
export function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const full = MONTHS.indexOf(w);
  if (full >= 0) return full + 1;
  const abbreviation = MONTH_ABBREVIATIONS.indexOf(w === 'sept' ? 'sep' : w);
  return abbreviation >= 0 ? abbreviation + 1 : undefined;
}

export const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Units of time a relative date counts in ("last week", "later this year", "the next day"). */
export const RELATIVE_DATE_UNITS = ['day', 'morning', 'evening', 'night', 'week', 'weekend', 'month', 'quarter', 'year', 'spring', 'summer', 'autumn', 'winter'];

/** Words that set a relative date before or after the time it counts from: "last week" (-1), "next week" (+1), "this week" (0). */
export const RELATIVE_DATE_OFFSETS: Record<string, number> = { last: -1, previous: -1, preceding: -1, this: 0, next: 1, following: 1, coming: 1 };

/** Days told from today: "yesterday" (-1), "today" (0), "tomorrow" (+1). */
export const RELATIVE_DAYS: Record<string, number> = { yesterday: -1, today: 0, tonight: 0, tomorrow: 1 };
