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
  'treasury', 'forum', 'limited', 'works', 'partnership', 'consortium', 'chamber', 'cooperative', 'co-operative', 'caucus',
  'syndicate', 'enterprises', 'industries', 'technologies', 'systems', 'laboratories', 'labs', 'media', 'studios', 'wire',
  'railway', 'railways', 'rail', 'insurance', 'pharmaceuticals', 'inquiry', 'taskforce', 'panel', 'delegation', 'embassy',
  'consulate', 'registry', 'ombudsman', 'regulator', 'reserve', 'monitor', 'centre', 'center',
]);

/** Words that make a proper-noun run an organisation only as its last word ("Kilima Capital", but "the capital"). */
export const ORGANIZATION_LAST_WORDS = new Set([
  'capital', 'ventures', 'energy', 'resources', 'investments', 'logistics', 'shipping', 'commodities', 'securities', 'advisors',
  'advisers', 'associates', 'consulting', 'consultants', 'solutions', 'analytics', 'economics', 'trading', 'brands', 'foods',
  'mining', 'minerals', 'petroleum', 'chemicals', 'engineering', 'properties', 'aviation', 'telecom', 'telecoms',
]);

/** Lower-case nouns that, right before a name or in apposition to it, make it an organisation ("shipping firm Maersk", "the union, FNV"). */
export const ORGANIZATION_HINTS = new Set([
  'firm', 'company', 'group', 'union', 'party', 'agency', 'newspaper', 'broadcaster', 'network', 'militia', 'bank', 'carrier',
  'airline', 'manufacturer', 'retailer', 'charity', 'organisation', 'organization', 'ministry', 'department', 'club', 'team',
  'university', 'outlet', 'paper', 'magazine', 'channel', 'movement', 'faction', 'insurer', 'lender', 'startup', 'giant', 'brand',
  'operator', 'regulator', 'watchdog', 'think-tank', 'coalition', 'alliance', 'publisher', 'daily', 'weekly',
  'journal', 'publication', 'website', 'app', 'platform', 'label', 'studio', 'lab', 'laboratory', 'consortium',
  'lobby', 'campaign', 'nonprofit', 'non-profit', 'ngo', 'contractor', 'developer', 'investor', 'fund', 'bloc', 'body',
]);

/** Words joining the parts of an organisation's name after its organisation word ("Committee on Ports and Waterways"). */
export const ORGANIZATION_JOINERS = new Set(['of', 'for', 'on', 'and', '&']);

/**
 * Last words of the titles of laws, plans and documents ("the Affordable Leases Act", "the Finance Bill", "the Water
 * Conveyance Project"): such a title names neither a person nor an organisation. Lower-case.
 */
export const DOCUMENT_TITLE_WORDS = new Set([
  'act', 'bill', 'law', 'code', 'treaty', 'accord', 'agreement', 'convention', 'protocol', 'charter', 'plan', 'strategy',
  'project', 'scheme', 'framework', 'directive', 'regulation', 'regulations', 'decree', 'report', 'declaration',
  'constitution', 'amendment',
]);

/**
 * Legal forms of companies written after their names ("Aldervane Coatings SE", "Selat Ferries Sdn Bhd", "Hardanger
 * Ferjeselskap AS"), as written: matched by case, since several are English words in lower case.
 */
export const LEGAL_FORMS = new Set([
  'AG', 'GmbH', 'SE', 'SA', 'NV', 'BV', 'SpA', 'Srl', 'SRL', 'SAS', 'SARL', 'Oy', 'Oyj', 'AB', 'ASA', 'AS', 'ApS', 'KK',
  'Pte', 'Sdn', 'Bhd', 'Pty', 'LP', 'LLP', 'Ltda', 'SAB', 'Tbk', 'PJSC', 'JSC',
]);
