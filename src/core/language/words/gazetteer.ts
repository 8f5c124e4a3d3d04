/** Cities of the world from a maintained dataset (see cities.generated.ts), looked up by name. */
import { CITY_NAMES } from './cities.generated';

let cities: Set<string> | undefined;

/** True when `name` is a city of the gazetteer, as written ("Lagos", "Rio de Janeiro"). Built on first use. */
export function isCity(name: string): boolean {
  cities ??= new Set(CITY_NAMES.split('\n'));
  return cities.has(name);
}
