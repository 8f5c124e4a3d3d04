/** Words that make a run of proper nouns an organisation, and words that hint at one. General English: no list here names anything of a particular article. */

/** Words that make a proper-noun run an organisation. Lower-case. */
export const ORGANIZATION_WORDS = new Set([
  'ministry', 'department', 'agency', 'office', 'council', 'committee', 'commission', 'parliament', 'congress', 'senate', 'assembly',
  'government', 'administration', 'cabinet', 'court', 'police', 'army', 'navy', 'force', 'forces', 'guard', 'corps', 'brigade', 'militia',
  'party', 'movement', 'front', 'alliance', 'coalition', 'union', 'league', 'association', 'federation', 'organisation', 'organization',
  'institute', 'institution', 'foundation', 'university', 'college', 'school', 'academy', 'hospital', 'bank', 'fund', 'trust',
  'company', 'corporation', 'corp', 'inc', 'ltd', 'llc', 'plc', 'group', 'holdings', 'airlines', 'airways', 'motors', 'bureau', 'service',
  'services', 'authority', 'board', 'club', 'fc', 'united', 'news', 'times', 'post', 'journal', 'press', 'tribune', 'herald', 'gazette',
  'network', 'channel', 'broadcasting', 'television', 'radio', 'mission', 'nations', 'society', 'church', 'team',
  'defense', 'defence', 'programme', 'program', 'initiative', 'observatory', 'watch', 'tribunal',
  'directorate', 'secretariat', 'command', 'brigades', 'battalion', 'regiment', 'unit', 'squad', 'exchange', 'partners',
]);

/** Lower-case nouns that, right before a name or in apposition to it, make it an organisation ("shipping firm Maersk", "the union, FNV"). */
export const ORGANIZATION_HINTS = new Set([
  'firm', 'company', 'group', 'union', 'party', 'agency', 'newspaper', 'broadcaster', 'network', 'militia', 'bank', 'carrier',
  'airline', 'manufacturer', 'retailer', 'charity', 'organisation', 'organization', 'ministry', 'department', 'club', 'team',
  'university', 'outlet', 'paper', 'magazine', 'channel', 'movement', 'faction', 'insurer', 'lender', 'startup', 'giant', 'brand',
  'operator', 'regulator', 'watchdog', 'think-tank', 'coalition', 'alliance', 'publisher', 'daily', 'weekly',
  'journal', 'publication', 'website', 'app', 'platform', 'label', 'studio', 'lab', 'laboratory',
]);
