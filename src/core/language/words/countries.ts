/** Countries and their demonyms: world knowledge, not any article's. General English: no list here names anything of a particular article. */

import { COUNTRY_NAMES } from './countries.generated';

/** Country | demonym | other names. Every UN member state and a few widely used others. */
const COUNTRY_TABLE = `Afghanistan|Afghan
Albania|Albanian
Algeria|Algerian
Andorra|Andorran
Angola|Angolan
Argentina|Argentine|Argentinian
Armenia|Armenian
Australia|Australian
Austria|Austrian
Azerbaijan|Azerbaijani
Bahamas|Bahamian
Bahrain|Bahraini
Bangladesh|Bangladeshi
Barbados|Barbadian
Belarus|Belarusian
Belgium|Belgian
Belize|Belizean
Benin|Beninese
Bhutan|Bhutanese
Bolivia|Bolivian
Bosnia and Herzegovina|Bosnian|Bosnia
Botswana|Botswanan
Brazil|Brazilian
Brunei|Bruneian
Bulgaria|Bulgarian
Burkina Faso|Burkinabe
Burundi|Burundian
Cambodia|Cambodian
Cameroon|Cameroonian
Canada|Canadian
Cape Verde|Cape Verdean
Central African Republic|Central African
Chad|Chadian
Chile|Chilean
China|Chinese|PRC
Colombia|Colombian
Comoros|Comoran
Congo|Congolese|DRC|Democratic Republic of the Congo
Costa Rica|Costa Rican
Croatia|Croatian
Cuba|Cuban
Cyprus|Cypriot
Czech Republic|Czech|Czechia
Denmark|Danish|Dane
Djibouti|Djiboutian
Dominican Republic|Dominican
Ecuador|Ecuadorian
Egypt|Egyptian
El Salvador|Salvadoran
Equatorial Guinea|Equatoguinean
Eritrea|Eritrean
Estonia|Estonian
Eswatini|Swazi
Ethiopia|Ethiopian
Fiji|Fijian
Finland|Finnish|Finn
France|French
Gabon|Gabonese
Gambia|Gambian
Georgia|Georgian
Germany|German
Ghana|Ghanaian
Greece|Greek
Guatemala|Guatemalan
Guinea|Guinean
Guyana|Guyanese
Haiti|Haitian
Honduras|Honduran
Hungary|Hungarian
Iceland|Icelandic|Icelander
India|Indian
Indonesia|Indonesian
Iran|Iranian|Persia|Persian
Iraq|Iraqi
Ireland|Irish
Israel|Israeli
Italy|Italian
Ivory Coast|Ivorian|Cote d'Ivoire
Jamaica|Jamaican
Japan|Japanese
Jordan|Jordanian
Kazakhstan|Kazakh
Kenya|Kenyan
Kosovo|Kosovar
Kuwait|Kuwaiti
Kyrgyzstan|Kyrgyz
Laos|Lao|Laotian
Latvia|Latvian
Lebanon|Lebanese
Lesotho|Basotho
Liberia|Liberian
Libya|Libyan
Liechtenstein|Liechtensteiner
Lithuania|Lithuanian
Luxembourg|Luxembourgish|Luxembourger
Madagascar|Malagasy
Malawi|Malawian
Malaysia|Malaysian
Maldives|Maldivian
Mali|Malian
Malta|Maltese
Mauritania|Mauritanian
Mauritius|Mauritian
Mexico|Mexican
Moldova|Moldovan
Monaco|Monegasque
Mongolia|Mongolian
Montenegro|Montenegrin
Morocco|Moroccan
Mozambique|Mozambican
Myanmar|Burmese|Burma
Namibia|Namibian
Nepal|Nepalese|Nepali
Netherlands|Dutch|Holland|Dutchman
New Zealand|New Zealander|Kiwi
Nicaragua|Nicaraguan
Niger|Nigerien
Nigeria|Nigerian
North Korea|North Korean|DPRK
North Macedonia|Macedonian|Macedonia
Norway|Norwegian
Oman|Omani
Pakistan|Pakistani
Palestine|Palestinian|Palestinian territories
Panama|Panamanian
Papua New Guinea|Papua New Guinean
Paraguay|Paraguayan
Peru|Peruvian
Philippines|Filipino|Philippine
Poland|Polish|Pole
Portugal|Portuguese
Qatar|Qatari
Romania|Romanian
Russia|Russian|Russian Federation
Rwanda|Rwandan
Saudi Arabia|Saudi
Senegal|Senegalese
Serbia|Serbian|Serb
Sierra Leone|Sierra Leonean
Singapore|Singaporean
Slovakia|Slovak
Slovenia|Slovenian|Slovene
Somalia|Somali
South Africa|South African
South Korea|South Korean|Korea|Korean
South Sudan|South Sudanese
Spain|Spanish|Spaniard
Sri Lanka|Sri Lankan
Sudan|Sudanese
Suriname|Surinamese
Sweden|Swedish|Swede
Switzerland|Swiss
Syria|Syrian
Taiwan|Taiwanese
Tajikistan|Tajik
Tanzania|Tanzanian
Thailand|Thai
Togo|Togolese
Trinidad and Tobago|Trinidadian
Tunisia|Tunisian
Turkey|Turkish|Turk|Turkiye
Turkmenistan|Turkmen
Uganda|Ugandan
Ukraine|Ukrainian
United Arab Emirates|Emirati|UAE
United Kingdom|British|Briton|UK|Britain|Great Britain
United States|American|US|USA|U.S.|America|United States of America|U.S.A.
Uruguay|Uruguayan
Uzbekistan|Uzbek
Venezuela|Venezuelan
Vietnam|Vietnamese
Yemen|Yemeni
Zambia|Zambian
Zimbabwe|Zimbabwean
England|English
Scotland|Scottish|Scot
Wales|Welsh
Europe|European
Africa|African
Asia|Asian`;

export interface CountryEntry {
  readonly name: string;
  readonly names: readonly string[];
}

const COUNTRIES: CountryEntry[] = COUNTRY_TABLE.split('\n').map((line) => {
  const names = line.split('|').map((n) => n.trim());
  return { name: names[0], names };
});

const COUNTRY_BY_NAME = new Map<string, CountryEntry>();
for (const entry of COUNTRIES) for (const n of entry.names) COUNTRY_BY_NAME.set(n.toLowerCase(), entry);
// The countries and territories of the dataset that the table lacks ("Guinea-Bissau", "Greenland"), without demonyms.
for (const name of COUNTRY_NAMES.split('\n')) if (!COUNTRY_BY_NAME.has(name.toLowerCase())) COUNTRY_BY_NAME.set(name.toLowerCase(), { name, names: [name] });

/** The country a name, demonym or plural demonym ("Americans") refers to. */
export function countryOf(name: string): CountryEntry | undefined {
  const key = name.toLowerCase().replace(/^the\s+/, '').replace(/['\u2019]s$/, '');
  return COUNTRY_BY_NAME.get(key) ?? (key.endsWith('s') ? COUNTRY_BY_NAME.get(key.slice(0, -1)) : undefined);
}

/**
 * True when a word names a people or nationality ("Dutch", "Americans", "Iraqi") rather than the country itself
 * ("Netherlands") or one of its short names ("US", "UK").
 */
export function isDemonym(word: string): boolean {
  const country = countryOf(word);
  if (!country) return false;
  const lower = word.toLowerCase().replace(/^the\s+/, '');
  if (country.name.toLowerCase() === lower || country.names.slice(2).some((n) => n.toLowerCase() === lower)) return false;
  return /(?:an|ish|ese|i|ch|ss|ic)s?$/i.test(lower);
}
