import * as assert from 'node:assert';
import { extractText } from './fixtures';
import { factsOf, factValues } from '../../src/core/sources/extract';
import { checkMemo } from '../../src/core/checking/check';
import { parseMemo } from '../../src/core/memo/memo';
import type { Extraction } from '../../src/core/sources/extract';
import { analyse, latin1StandIn } from '../../src/core/language/nlp';

function codes(memo: string, sources: Extraction[]): string[] {
  return checkMemo(parseMemo(memo), sources).filter((f) => f.code.startsWith('conflict/')).map((f) => f.code);
}

/** The canonical names extraction gives each type, in order of first mention. */
function names(text: string): Record<string, string[]> {
  const x = extractText(text);
  const byType: Record<string, string[]> = { person: [], organization: [], place: [] };
  for (const m of x.mentions) if (!byType[m.type].includes(m.canonical)) byType[m.type].push(m.canonical);
  return byType;
}

describe('entities: names typed by world knowledge and by the text', () => {
  it('takes a city of the gazetteer for a place when nothing around it says otherwise', () => {
    const n = names('The pipeline would run between Mombasa and Kisumu, officials said.\n');
    assert.deepStrictEqual(n.place, ['Mombasa', 'Kisumu']);
    assert.deepStrictEqual(n.organization, []);
  });

  it('lists a state, province or county of the gazetteer as a place, where the checks keep the text\u2019s type', () => {
    const x = extractText('Officials in Yukon said Gauteng sent crews.\n');
    const listed = factsOf(x).flatMap((f) => factValues(f)).flatMap((v) => (v.type === 'number' || v.type === 'date' ? [] : [`${v.type}:${v.value}`]));
    assert.deepStrictEqual([...new Set(listed)], ['place:Yukon', 'place:Gauteng']);
    assert.deepStrictEqual(x.people, []);
  });

  it('reads names with letters beyond Latin-1 whole (the tokenizer alone cuts them at each such letter)', () => {
    const n = names('Ma\u0142gorzata Zieli\u0144ska met port officials in Gda\u0144sk and Klaip\u0117da on Monday.\n');
    assert.deepStrictEqual(n.person, ['Ma\u0142gorzata Zieli\u0144ska']);
    assert.deepStrictEqual(n.place, ['Gda\u0144sk', 'Klaip\u0117da']);
  });

  it('gives back a token beyond Latin-1 as the text spells it, at its own offsets', () => {
    const text = 'Mayor \u0141ukasz \u017b\u00f3\u0142kiewski spoke in \u0141\u00f3d\u017a.';
    assert.strictEqual(latin1StandIn(text)?.length, text.length);
    const { tokens } = analyse(text);
    for (const t of tokens) assert.strictEqual(text.slice(t.start, t.end), t.text);
    assert.deepStrictEqual(tokens.map((t) => t.text).slice(0, 4), ['Mayor', '\u0141ukasz', '\u017b\u00f3\u0142kiewski', 'spoke']);
    assert.strictEqual(latin1StandIn('Plain text, \u201cquoted\u201d.'), undefined);
  });

  it('keeps a title and a speech verb above the gazetteer', () => {
    const n = names('Florence Mwangi, the mayor, spoke first. Mayor Florence said the budget was final.\n');
    assert.ok(n.person.includes('Florence Mwangi'), JSON.stringify(n));
    assert.ok(!n.place.includes('Florence'), JSON.stringify(n));
  });

  it('reads compass regions, lakes and mountains as places', () => {
    const n = names('Farmers in East Africa and the North East fish on Lake Victoria below Mount Kenya.\n');
    assert.deepStrictEqual(n.place, ['East Africa', 'North East', 'Lake Victoria', 'Mount Kenya']);
    assert.deepStrictEqual(n.person, []);
  });

  it('reads a name ending in a landform or waterworks word as a place ("Okavango Delta", "Kariba Dam")', () => {
    const n = names('Water from the Okavango Delta and the Nubian Aquifer never reached Kariba Dam, Helen Marsh said.\n');
    assert.deepStrictEqual(n.place, ['Okavango Delta', 'Nubian Aquifer', 'Kariba Dam']);
    assert.deepStrictEqual(n.person, ['Helen Marsh']);
  });

  it('takes an acronym WordNet knows only as a common noun for no name ("GDP"), unless the text spells it out as one', () => {
    assert.deepStrictEqual(names('GDP grew 2 percent, the Ministry of Finance said, and the IPO raised $1bn.\n').organization, ['Ministry of Finance']);
    assert.deepStrictEqual(names('The Gulf Development Partnership (GDP) said GDP would fund the port.\n').organization, ['Gulf Development Partnership', 'GDP']);
  });

  it('reads a run of capitalised words ending in a role word as a title, not a name ("Chief Executive", "Senior Fellow")', () => {
    const n = names('Witnesses: Ms Dana Orr, Chief Executive, Tarn Water Company. Dr Nour Haddad, Senior Fellow, Harbour Institute. The Committee Clerk read the list.\n');
    assert.deepStrictEqual(n.person, ['Dana Orr', 'Nour Haddad']);
    assert.deepStrictEqual(n.organization, ['Tarn Water Company', 'Harbour Institute']);
  });

  it('types a name ending in a common noun of things or bodies as an organisation, unless a given name opens it', () => {
    const n = names('Tomas Orrin, an analyst at Velmar Research, said Korlan Materials would bid. Bill Chase and Kate Moss watched.\n');
    assert.deepStrictEqual(n.organization, ['Velmar Research', 'Korlan Materials']);
    assert.deepStrictEqual(n.person, ['Tomas Orrin', 'Bill Chase', 'Kate Moss']);
    // A building is a place one goes to, not a firm: "Stadium" stays out of the organisations.
    assert.deepStrictEqual(names('The final is at Orvieto Stadium on Sunday.\n').organization, []);
  });

  it('reads a legal form after a name as a company, and as the end of its name ("Dunmore Holdings SE and Orvik Shipping AS")', () => {
    const n = names('Dunmore Holdings SE and Orvik Shipping AS signed, and Marang Ferries Sdn Bhd agreed.\n');
    assert.deepStrictEqual(n.organization, ['Dunmore Holdings SE', 'Orvik Shipping AS', 'Marang Ferries Sdn Bhd']);
    assert.deepStrictEqual(n.person, []);
  });

  it('lists the words of a law\u2019s or a plan\u2019s title, and a title-holder\u2019s portfolio, as no name', () => {
    const n = names('The Fair Rents Act and the Finance Bill passed. Ms Ada Kerr, Director of Workforce Planning, and the Minister of Environment and Ecological Transition spoke.\n');
    assert.deepStrictEqual(n.person, ['Ada Kerr']);
    assert.deepStrictEqual(n.organization, []);
  });

  it('reads the first word of an organisation named before as that organisation, not as a person', () => {
    const x = extractText('Brannock Coatings reported results. Brannock said sales rose.\n');
    const brannock = x.mentions.filter((m) => m.text === 'Brannock');
    assert.deepStrictEqual(brannock.map((m) => [m.type, m.canonical]), [['organization', 'Brannock Coatings']]);
    // A surname stays the person's: "Hale" after "Mira Hale" is her, even with a "Hale Partners" in the text.
    const y = extractText('Mira Hale joined Hale Partners in May. Hale said the firm would grow.\n');
    assert.deepStrictEqual(y.mentions.filter((m) => m.text === 'Hale').map((m) => m.type), ['person']);
  });

  it('keeps a city standing for its government a place, and finds a city written without its diacritics', () => {
    const n = names('Uganda was not a party to the deal, and Kampala said last week it had not been consulted. Farmers near Soc Trang lost their crops.\n');
    assert.deepStrictEqual(n.place, ['Uganda', 'Kampala', 'Soc Trang']);
    assert.deepStrictEqual(n.person, []);
  });

  it('reads the surname of a person named in full as that person, even where it is also a city', () => {
    const x = extractText('"Prices are too high," said Ama Banda, a trader. Later Banda said the market would recover. Critics courted Warren\'s support after Senator Lucy Warren spoke. Warren wrote to the board.\n');
    const typeOf = (word: string): string[] => x.mentions.filter((m) => m.text === word).map((m) => `${m.type}:${m.canonical}`);
    assert.deepStrictEqual(typeOf('Banda'), ['person:Ama Banda']);
    assert.deepStrictEqual(typeOf('Warren'), ['person:Lucy Warren', 'person:Lucy Warren']);
    // After a preposition of place the city stays a place.
    assert.deepStrictEqual(names('Ana Mendoza Ribeiro works at a firm based in Mendoza.\n').place, ['Mendoza']);
  });

  it('reads a name after "<person> of" as what the person belongs to, and joins names around an ampersand', () => {
    const n = names('The firm was represented by Rajan Moss of Harland Kiel, and the lender by Mei Ong of Tarlow & Partners.\n');
    assert.deepStrictEqual(n.person, ['Rajan Moss', 'Mei Ong']);
    assert.deepStrictEqual(n.organization, ['Harland Kiel', 'Tarlow & Partners']);
  });

  it('reads a person in apposition after a place, and one "according to", as a person, and "Statistics Poland" as a body', () => {
    const n = names('Our director in Kyrgyzstan, Gulnara Temirova, said the fund was spent. Schools close every year, according to Emiko Tanabe, a researcher. Statistics Poland said prices rose.\n');
    assert.deepStrictEqual(n.person, ['Gulnara Temirova', 'Emiko Tanabe']);
    assert.deepStrictEqual(n.place, ['Kyrgyzstan']);
    assert.deepStrictEqual(n.organization, ['Statistics Poland']);
    // A region after a comma stays one: "Alston, Cumbria".
    assert.deepStrictEqual(names('The farm lies near Alston, Cumbria, in the hills.\n').place, ['Alston', 'Cumbria']);
  });

  it('reads a name joined by "and" to a place as a place, but not a person placed somewhere of their own', () => {
    assert.deepStrictEqual(names('Farmers in Soc Trang and Ben Tre lost their crops.\n').place, ['Soc Trang', 'Ben Tre']);
    const credit = names('(Reporting by Samuel Ochieng in Nairobi and Lydia Nakato in Kampala)\n');
    assert.deepStrictEqual(credit.person, ['Samuel Ochieng', 'Lydia Nakato']);
  });

  it('knows every country and territory of the dataset, hyphened names whole ("Guinea-Bissau", "Timor-Leste")', () => {
    assert.deepStrictEqual(names('Officials from Guinea-Bissau, Timor-Leste and Greenland met.\n').place, ['Guinea-Bissau', 'Timor-Leste', 'Greenland']);
  });

  it('takes a report\'s quarter, half or fiscal year for no name ("Q4", "H1", "FY2025")', () => {
    const n = names('Revenue in Q4 2024 rose, H1 sales fell and FY2025 guidance from Acme Holdings held.\n');
    assert.deepStrictEqual([...n.person, ...n.organization, ...n.place], ['Acme Holdings']);
  });

  it('reads a firm named by its trade as its last word as an organisation ("Harlow Securities")', () => {
    const n = names('Analysts at Harlow Securities and Brightwater Commodities said prices would fall.\n');
    assert.deepStrictEqual(n.organization, ['Harlow Securities', 'Brightwater Commodities']);
    assert.deepStrictEqual(n.person ?? [], []);
  });

  it('reads an organisation name across joiners and a plural possessive once it has an organisation word', () => {
    const n = names('The Standing Committee on Ports and Inland Waterways met the Coastal Shippers\u2019 Forum and the Ministry of Energy and Fuel Infrastructure.\n');
    assert.deepStrictEqual(n.organization, ['Standing Committee on Ports and Inland Waterways', 'Coastal Shippers\u2019 Forum', 'Ministry of Energy and Fuel Infrastructure']);
  });

  it('does not join names across "and" without an organisation word ("Kamau and Otieno")', () => {
    const n = names('Wanjiru Kamau and Daniel Otieno met on Monday.\n');
    assert.deepStrictEqual(n.person, ['Wanjiru Kamau', 'Daniel Otieno']);
  });

  it('reads a title with a portfolio as a title, not a name ("Chief Financial Officer")', () => {
    const n = names('Mr Chidi Okafor, Chief Financial Officer, gave evidence.\n');
    assert.deepStrictEqual(n.person, ['Chidi Okafor']);
  });

  it('reads a wire dateline: the place and the agency, in their own right', () => {
    const x = extractText('NAIROBI, March 4 (Meridian Wire) - Kenya has postponed the approval, officials said.\n');
    const dateline = x.mentions.filter((m) => m.dateline).map((m) => `${m.type}:${m.canonical}`);
    assert.deepStrictEqual(dateline, ['place:Nairobi', 'organization:Meridian Wire']);
    assert.ok(x.mentions.some((m) => m.canonical === 'Kenya' && !m.dateline));
  });

  it('reads a web dateline with no dash: the agency in brackets touching the story, after at most a place', () => {
    const x = extractText('(CNN)When Oslo police answered the call, they found the door open.\n\nLondon (CNN)Police said Thursday there were 40 arrests.\n');
    const dateline = x.mentions.filter((m) => m.dateline).map((m) => `${m.type}:${m.canonical}`);
    assert.deepStrictEqual(dateline, ['organization:CNN', 'place:London', 'organization:CNN']);
  });

  it('takes no dateline from a bracket that opens a line but is not followed by the story', () => {
    const x = extractText('(The Hague Group) is a body of nine states.\n\n(Reuters) The minister resigned.\n');
    assert.ok(x.mentions.every((m) => !m.dateline), JSON.stringify(x.mentions.filter((m) => m.dateline)));
  });

  it('takes no dateline from a sentence that merely opens with capitals', () => {
    const x = extractText('NATO - the alliance - met today.\n\nThe UN said so.\n');
    assert.ok(x.mentions.every((m) => !m.dateline), JSON.stringify(x.mentions));
  });
});

describe('entities: one entity under the forms a document gives it', () => {
  it('lists an acronym and a shortened name under the organisation\u2019s full name, for the view only', () => {
    const x = extractText('The Lagos Harbour Authority (LHA) hired Delta Marine Works Limited. Later the LHA board met, and Delta Marine wrote to it.\n');
    const entities = factsOf(x).flatMap((f) => factValues(f)).flatMap((v) => (v.type === 'organization' ? [`${v.text}=${v.value}`] : []));
    assert.deepStrictEqual([...new Set(entities)], ['Lagos Harbour Authority=Lagos Harbour Authority', 'LHA=Lagos Harbour Authority', 'Delta Marine Works Limited=Delta Marine Works Limited', 'Delta Marine=Delta Marine Works Limited']);
    assert.ok(!x.people.includes('Delta Marine'), x.people.join(', '));
  });

  it('lists an organisation word alone ("the Fund") under the organisation it heads, and as no organisation when none', () => {
    const x = extractText('Kavita Rao chairs the Harbourside Water Fund. "It will not lend again," the Fund said on Monday. The Office said nothing on Tuesday.\n');
    const entities = factsOf(x).flatMap((f) => factValues(f)).flatMap((v) => (v.type === 'organization' ? [`${v.text}=${v.value}`] : []));
    assert.deepStrictEqual([...new Set(entities)], ['Harbourside Water Fund=Harbourside Water Fund', 'Fund=Harbourside Water Fund']);
    assert.deepStrictEqual(x.quotes.map((q) => q.speaker), ['Harbourside Water Fund'], 'the Fund speaks for the organisation');
  });

  it('reads a portfolio after "for" as part of the title, but keeps an organisation after "head of"', () => {
    const n = names('Chikondi Banda, Commissioner for Rural Energy, met the head of Oxfam.\n');
    assert.deepStrictEqual(n.person, ['Chikondi Banda']);
    assert.deepStrictEqual(n.organization, ['Oxfam']);
  });

  it('reads "Town, Region," as two places', () => {
    const n = names('Margaret Pryce, who lives in Alston, Cumbria, said the service had ended.\n');
    assert.deepStrictEqual(n.place, ['Alston', 'Cumbria']);
    assert.deepStrictEqual(n.person, ['Margaret Pryce']);
  });

  it('lists only names the prose or world knowledge gives from a heading in capitals or title case', () => {
    const x = extractText('OPENING STATEMENTS\n\nTuesday 11 February 2025, Abuja\n\nThe committee met in Abuja on Tuesday.\n');
    const values = factsOf(x).flatMap((f) => factValues(f)).flatMap((v) => (v.type === 'number' || v.type === 'date' ? [] : [v.value]));
    assert.deepStrictEqual([...new Set(values)], ['Abuja']);
  });
});

describe('quotes: an organisation described, not named', () => {
  it('gives "according to the ministry" to the ministry named before', () => {
    const x = extractText('The Ministry of Energy delayed the pipeline. It would "change the economics of fuel", according to the ministry.\n');
    assert.deepStrictEqual(x.quotes.map((q) => q.speaker), ['Ministry of Energy']);
  });

  it('leaves the quote unattributed when no organisation of that kind was named', () => {
    const x = extractText('It would "change the economics of fuel", according to the ministry.\n');
    assert.deepStrictEqual(x.quotes.map((q) => q.speaker), [null]);
  });
});

describe('checking: a place standing as an actor', () => {
  it('is compared as a name with the source\u2019s organisation ("Liverpool" for a club)', () => {
    const source = extractText('The club said Arsenal beat Chelsea at home on Sunday.\n');
    assert.deepStrictEqual(codes('The club said Liverpool beat Chelsea at home on Sunday.\n', [source]), ['conflict/entity']);
  });

  it('is not a person\u2019s stand-in when it is a country ("Iraq\u2019s minister")', () => {
    const x = extractText('Foreign Minister Fuad Hussein said the talks had ended.\n');
    assert.deepStrictEqual(codes('Iraq\u2019s foreign minister said the talks had ended.\n', [x]), []);
  });

  it('is never compared with the dateline\u2019s agency', () => {
    const x = extractText('ROTTERDAM, March 12 (Wire) - The port said more ships would wait.\n');
    assert.deepStrictEqual(codes('The port of Antwerp said more ships would wait.\n', [x]), []);
  });
});

describe('HTML: an article\u2019s own header', () => {
  it('keeps the headline, byline and date of the article, and drops the page\u2019s header', () => {
    const html = '<html><body><header><nav>Home</nav><p>Jobs with Marcus Lee</p></header><article><header><h1>Rural buses</h1>'
      + '<p class="byline">By Eleanor Whitfield, Senior Fellow \u00b7 <time>14 May 2024</time></p></header><p>Services fell in Leeds last year.</p></article></body></html>';
    const x = extractText(html, 'page.html');
    assert.deepStrictEqual(x.people, ['Eleanor Whitfield']);
    assert.ok(!x.source.text.includes('Marcus Lee'));
    assert.ok(factsOf(x).some((f) => f.dates.some((d) => d.text === '14 May 2024')));
  });
});

describe('checking: a memo quote given by a pronoun', () => {
  const source = (): Extraction[] => [extractText('Ms Amara Osei said: "We will publish the figures in June."\n')];
  it('is not called misattributed (whom "he" means is a guess)', () => {
    assert.deepStrictEqual(codes('Tom Reyes arrived late. "We will publish the figures in June," he said.\n', source()), []);
  });

  it('is, when the memo names the speaker', () => {
    // One finding per span and cause: the misattribution, not also a swapped name on the speaker (issue 13, point 3).
    assert.deepStrictEqual(codes('"We will publish the figures in June," Tom Reyes said.\n', source()), ['conflict/attribution']);
  });
});

describe('entities: coordination', () => {
  it('gives a name joined by "and" to an organisation the text types that type, and folds its short form', () => {
    const x = extractText('Supporters of the Saraya al-Salam militia and Asaib Ahl Al-Haq clashed. Supporters of Asaib were blamed.\n');
    const values = factsOf(x).flatMap((f) => factValues(f)).flatMap((v) => (v.type === 'organization' ? [v.value] : []));
    assert.deepStrictEqual([...new Set(values)], ['Saraya al-Salam', 'Asaib Ahl Al-Haq']);
    assert.deepStrictEqual(x.people, []);
  });
});
