/** Cities and first-level regions of the world from maintained datasets (see *.generated.ts), looked up by name. */
import { CITY_NAMES } from './cities.generated';
import { REGION_NAMES } from './regions.generated';

let cities: Set<string> | undefined;
let regions: Set<string> | undefined;

/** A name without its diacritics: "Sóc Trăng" is written "Soc Trang" in English text. */
function withoutMarks(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * True when `name` is a city of the gazetteer, as written ("Lagos", "Rio de Janeiro") or without the diacritics of
 * the gazetteer's spelling ("Soc Trang" for "Sóc Trăng"). Built on first use.
 */
export function isCity(name: string): boolean {
  if (!cities) {
    cities = new Set(CITY_NAMES.split('\n'));
    for (const city of [...cities]) cities.add(withoutMarks(city));
  }
  return cities.has(name);
}

/** True when `name` is a state, province or county of the gazetteer, as written ("British Columbia"). Built on first use. */
export function isRegion(name: string): boolean {
  regions ??= new Set(REGION_NAMES.split('\n'));
  return regions.has(name);
}
