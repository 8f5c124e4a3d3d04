/** Cities and first-level regions of the world from maintained datasets (see *.generated.ts), looked up by name. */
import { CITY_NAMES } from './cities.generated';
import { REGION_NAMES } from './regions.generated';

let cities: Set<string> | undefined;
let regions: Set<string> | undefined;

/** True when `name` is a city of the gazetteer, as written ("Lagos", "Rio de Janeiro"). Built on first use. */
export function isCity(name: string): boolean {
  cities ??= new Set(CITY_NAMES.split('\n'));
  return cities.has(name);
}

/** True when `name` is a state, province or county of the gazetteer, as written ("British Columbia"). Built on first use. */
export function isRegion(name: string): boolean {
  regions ??= new Set(REGION_NAMES.split('\n'));
  return regions.has(name);
}
