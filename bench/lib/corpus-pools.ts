/**
 * Fixed pools the corpus generator draws from: bylines, desks, outlets, real
 * places, tags and the words of the generated prose. Changing anything here
 * changes every generated corpus: bump GENERATOR_VERSION in corpus.ts.
 */

export interface AuthorSeed {
  name: string;
  kind: 'person' | 'organization';
  role?: string;
}

/** 12 bylines; one organisation, used for opinion pieces. */
export const AUTHORS: readonly AuthorSeed[] = [
  { name: 'Maria Lopez', kind: 'person', role: 'Immigration reporter' },
  { name: 'Sam Ortiz', kind: 'person', role: 'Politics reporter' },
  { name: 'Grace Kim', kind: 'person', role: 'Environment reporter' },
  { name: 'Daniel Okafor', kind: 'person', role: 'Courts and justice reporter' },
  { name: 'Priya Raman', kind: 'person', role: 'Health reporter' },
  { name: 'Tomasz Wójcik', kind: 'person', role: 'Economy reporter' },
  { name: 'Hannah Schultz', kind: 'person', role: 'Data reporter' },
  { name: 'Luis Herrera', kind: 'person', role: 'Border correspondent' },
  { name: 'Aisha Bello', kind: 'person', role: 'Statehouse reporter' },
  { name: 'Ethan Brooks', kind: 'person', role: 'Investigations editor' },
  { name: 'Mei Chen', kind: 'person', role: 'Climate reporter' },
  { name: 'Editorial Board', kind: 'organization' },
];

export interface SectionSeed {
  id: string;
  name: string;
  description: string;
}

export const SECTIONS: readonly SectionSeed[] = [
  { id: 'politics', name: 'Politics', description: 'City halls, statehouses and Washington, and how their decisions reach voters.' },
  { id: 'immigration', name: 'Immigration', description: 'Enforcement, the immigration courts and the communities living with federal policy.' },
  { id: 'environment', name: 'Environment', description: 'Water, air, land and climate reporting from the West and beyond.' },
  { id: 'justice', name: 'Justice', description: 'Police, prosecutors, jails and the courts.' },
  { id: 'economy', name: 'Economy', description: 'Jobs, housing, budgets and the money behind public decisions.' },
  { id: 'health', name: 'Health', description: 'Hospitals, public health and the cost of care.' },
];

export interface PublicationSeed {
  name: string;
  domain: string;
  aliases?: readonly string[];
}

/** About 40 cited outlets and public bodies. */
export const PUBLICATIONS: readonly PublicationSeed[] = [
  { name: 'Los Angeles Times', domain: 'www.latimes.com', aliases: ['LA Times', 'L.A. Times'] },
  { name: 'The New York Times', domain: 'www.nytimes.com', aliases: ['New York Times', 'NYT'] },
  { name: 'The Washington Post', domain: 'www.washingtonpost.com', aliases: ['Washington Post'] },
  { name: 'Associated Press', domain: 'apnews.com', aliases: ['AP'] },
  { name: 'Reuters', domain: 'www.reuters.com' },
  { name: 'ProPublica', domain: 'www.propublica.org' },
  { name: 'The Wall Street Journal', domain: 'www.wsj.com', aliases: ['Wall Street Journal', 'WSJ'] },
  { name: 'U.S. News & World Report', domain: 'www.usnews.com', aliases: ['US News'] },
  { name: 'Chicago Tribune', domain: 'www.chicagotribune.com' },
  { name: 'The Boston Globe', domain: 'www.bostonglobe.com', aliases: ['Boston Globe'] },
  { name: 'The Arizona Republic', domain: 'www.azcentral.com', aliases: ['Arizona Republic'] },
  { name: 'Albuquerque Journal', domain: 'www.abqjournal.com' },
  { name: 'The Texas Tribune', domain: 'www.texastribune.org', aliases: ['Texas Tribune'] },
  { name: 'CalMatters', domain: 'calmatters.org' },
  { name: 'The Marshall Project', domain: 'www.themarshallproject.org' },
  { name: 'Bloomberg', domain: 'www.bloomberg.com' },
  { name: 'NPR', domain: 'www.npr.org', aliases: ['National Public Radio'] },
  { name: 'PBS NewsHour', domain: 'www.pbs.org' },
  { name: 'The Guardian', domain: 'www.theguardian.com', aliases: ['Guardian'] },
  { name: 'BBC News', domain: 'www.bbc.co.uk', aliases: ['BBC'] },
  { name: 'Financial Times', domain: 'www.ft.com', aliases: ['FT'] },
  { name: 'The Baltimore Sun', domain: 'www.baltimoresun.com', aliases: ['Baltimore Sun'] },
  { name: 'Houston Chronicle', domain: 'www.houstonchronicle.com' },
  { name: 'Miami Herald', domain: 'www.miamiherald.com' },
  { name: 'The Seattle Times', domain: 'www.seattletimes.com', aliases: ['Seattle Times'] },
  { name: 'The Denver Post', domain: 'www.denverpost.com', aliases: ['Denver Post'] },
  { name: 'Las Vegas Review-Journal', domain: 'www.reviewjournal.com' },
  { name: 'The Salt Lake Tribune', domain: 'www.sltrib.com', aliases: ['Salt Lake Tribune'] },
  { name: 'San Francisco Chronicle', domain: 'www.sfchronicle.com' },
  { name: 'The Sacramento Bee', domain: 'www.sacbee.com', aliases: ['Sacramento Bee'] },
  { name: 'Government Accountability Office', domain: 'www.gao.gov', aliases: ['GAO'] },
  { name: 'Congressional Budget Office', domain: 'www.cbo.gov', aliases: ['CBO'] },
  { name: 'U.S. Census Bureau', domain: 'www.census.gov', aliases: ['Census Bureau'] },
  { name: 'Bureau of Labor Statistics', domain: 'www.bls.gov', aliases: ['BLS'] },
  { name: 'Environmental Protection Agency', domain: 'www.epa.gov', aliases: ['EPA'] },
  { name: 'U.S. Bureau of Reclamation', domain: 'www.usbr.gov', aliases: ['Bureau of Reclamation'] },
  { name: 'Pew Research Center', domain: 'www.pewresearch.org' },
  { name: 'Brookings Institution', domain: 'www.brookings.edu', aliases: ['Brookings'] },
  { name: 'Urban Institute', domain: 'www.urban.org' },
  { name: 'KFF', domain: 'www.kff.org', aliases: ['Kaiser Family Foundation'] },
  { name: 'Migration Policy Institute', domain: 'www.migrationpolicy.org' },
];

export interface PlaceSeed {
  name: string;
  region: string;
  country: string;
  lat: number;
  lon: number;
}

const us = (name: string, region: string, lat: number, lon: number): PlaceSeed => ({ name, region, country: 'US', lat, lon });

/** 65 real cities: mostly US (state codes), some abroad (ISO 3166-2 subdivision codes). */
export const PLACES: readonly PlaceSeed[] = [
  us('New York', 'NY', 40.7128, -74.006),
  us('Los Angeles', 'CA', 34.0522, -118.2437),
  us('Chicago', 'IL', 41.8781, -87.6298),
  us('Houston', 'TX', 29.7604, -95.3698),
  us('Phoenix', 'AZ', 33.4484, -112.074),
  us('Philadelphia', 'PA', 39.9526, -75.1652),
  us('San Antonio', 'TX', 29.4241, -98.4936),
  us('San Diego', 'CA', 32.7157, -117.1611),
  us('Dallas', 'TX', 32.7767, -96.797),
  us('San Jose', 'CA', 37.3382, -121.8863),
  us('Austin', 'TX', 30.2672, -97.7431),
  us('Jacksonville', 'FL', 30.3322, -81.6557),
  us('Columbus', 'OH', 39.9612, -82.9988),
  us('Charlotte', 'NC', 35.2271, -80.8431),
  us('Indianapolis', 'IN', 39.7684, -86.1581),
  us('San Francisco', 'CA', 37.7749, -122.4194),
  us('Seattle', 'WA', 47.6062, -122.3321),
  us('Denver', 'CO', 39.7392, -104.9903),
  us('Washington', 'DC', 38.9072, -77.0369),
  us('Boston', 'MA', 42.3601, -71.0589),
  us('El Paso', 'TX', 31.7619, -106.485),
  us('Nashville', 'TN', 36.1627, -86.7816),
  us('Detroit', 'MI', 42.3314, -83.0458),
  us('Portland', 'OR', 45.5152, -122.6784),
  us('Las Vegas', 'NV', 36.1699, -115.1398),
  us('Memphis', 'TN', 35.1495, -90.049),
  us('Baltimore', 'MD', 39.2904, -76.6122),
  us('Milwaukee', 'WI', 43.0389, -87.9065),
  us('Albuquerque', 'NM', 35.0844, -106.6504),
  us('Tucson', 'AZ', 32.2226, -110.9747),
  us('Fresno', 'CA', 36.7378, -119.7871),
  us('Sacramento', 'CA', 38.5816, -121.4944),
  us('Atlanta', 'GA', 33.749, -84.388),
  us('Miami', 'FL', 25.7617, -80.1918),
  us('New Orleans', 'LA', 29.9511, -90.0715),
  us('Minneapolis', 'MN', 44.9778, -93.265),
  us('Salt Lake City', 'UT', 40.7608, -111.891),
  us('Stockton', 'CA', 37.9577, -121.2908),
  us('San Bernardino', 'CA', 34.1083, -117.2898),
  us('Anchorage', 'AK', 61.2181, -149.9003),
  us('Honolulu', 'HI', 21.3069, -157.8583),
  us('San Juan', 'PR', 18.4655, -66.1057),
  us('Boise', 'ID', 43.615, -116.2023),
  us('Des Moines', 'IA', 41.5868, -93.625),
  { name: 'London', region: 'ENG', country: 'GB', lat: 51.5074, lon: -0.1278 },
  { name: 'Manchester', region: 'ENG', country: 'GB', lat: 53.4808, lon: -2.2426 },
  { name: 'Edinburgh', region: 'SCT', country: 'GB', lat: 55.9533, lon: -3.1883 },
  { name: 'Belfast', region: 'NIR', country: 'GB', lat: 54.5973, lon: -5.9301 },
  { name: 'Toronto', region: 'ON', country: 'CA', lat: 43.6532, lon: -79.3832 },
  { name: 'Montréal', region: 'QC', country: 'CA', lat: 45.5019, lon: -73.5674 },
  { name: 'Vancouver', region: 'BC', country: 'CA', lat: 49.2827, lon: -123.1207 },
  { name: 'Mexico City', region: 'CMX', country: 'MX', lat: 19.4326, lon: -99.1332 },
  { name: 'Tijuana', region: 'BCN', country: 'MX', lat: 32.5149, lon: -117.0382 },
  { name: 'Ciudad Juárez', region: 'CHH', country: 'MX', lat: 31.6904, lon: -106.4245 },
  { name: 'Monterrey', region: 'NLE', country: 'MX', lat: 25.6866, lon: -100.3161 },
  { name: 'Paris', region: 'IDF', country: 'FR', lat: 48.8566, lon: 2.3522 },
  { name: 'Berlin', region: 'BE', country: 'DE', lat: 52.52, lon: 13.405 },
  { name: 'Kraków', region: '12', country: 'PL', lat: 50.0647, lon: 19.945 },
  { name: 'Madrid', region: 'MD', country: 'ES', lat: 40.4168, lon: -3.7038 },
  { name: 'São Paulo', region: 'SP', country: 'BR', lat: -23.5505, lon: -46.6333 },
  { name: 'Sydney', region: 'NSW', country: 'AU', lat: -33.8688, lon: 151.2093 },
  { name: 'Tokyo', region: '13', country: 'JP', lat: 35.6762, lon: 139.6503 },
  { name: 'Mumbai', region: 'MH', country: 'IN', lat: 19.076, lon: 72.8777 },
  { name: 'Kyiv', region: '30', country: 'UA', lat: 50.4501, lon: 30.5234 },
  { name: 'Zürich', region: 'ZH', country: 'CH', lat: 47.3769, lon: 8.5417 },
];

export const TAGS: readonly string[] = [
  'sanctuary cities', 'Justice Department', 'drought', 'Colorado River', 'elections', 'redistricting',
  'campaign finance', 'policing', 'immigration courts', 'asylum', 'housing', 'homelessness', 'wildfires',
  'air quality', 'groundwater', 'public health', 'Medicaid', 'opioids', 'schools', 'city budget',
  'transparency', 'labor', 'minimum wage', 'tariffs', 'inflation', 'climate change', 'extreme heat',
  'flooding', 'the border', 'DACA', 'prisons', 'bail reform', 'courts', 'Supreme Court', 'voting rights',
  'census', 'transit', 'water', 'energy', 'oil and gas', 'agriculture', 'public lands', 'tribal nations',
  'veterans', 'child care', 'hospitals', 'nursing homes', 'lobbying', 'ethics', 'open government',
  'police oversight', 'jails', 'deportations', 'refugees', 'trade', 'unions', 'taxes', 'pensions',
  'broadband', 'infrastructure', 'Ciudad Juárez', 'Lake Mead', 'Salton Sea', 'eviction', 'rent control',
];

export const FIRST_NAMES: readonly string[] = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Carlos', 'Karen',
  'Miguel', 'Lisa', 'Anthony', 'Nancy', 'Mark', 'Sandra', 'Juan', 'Ashley', 'Kevin', 'Dorothy',
  'Brian', 'Kimberly', 'George', 'Emily', 'Jorge', 'Donna', 'Edward', 'Michelle', 'Ronald', 'Carol',
  'Ahmed', 'Amanda', 'Wei', 'Melissa', 'Raj', 'Deborah', 'Kwame', 'Stephanie', 'Olga', 'Rebecca',
  'Dale', 'Rosa', 'Peter', 'Laura', 'Hiroshi', 'Fatima', 'Noah', 'Ines', 'Tariq', 'Bronwyn',
];

export const LAST_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Okonkwo', 'Nakamura', 'Kowalski', 'Haddad', 'Petrov', 'Singh', 'Chen', "O'Brien", 'Whitaker', 'Jimenez',
  'Simonson', 'Delgado', 'Fischer', 'Brennan', 'Castillo', 'Yamamoto', 'Novak', 'Abernathy', 'Vasquez', 'Lindqvist',
];

/** Titles with an organisation; `{place}` is filled with a city name. */
export const ROLES: readonly { title: string; organization: string }[] = [
  { title: 'Mayor', organization: 'City of {place}' },
  { title: 'Police Chief', organization: '{place} Police Department' },
  { title: 'City Council Member', organization: '{place} City Council' },
  { title: 'City Manager', organization: 'City of {place}' },
  { title: 'Budget Director', organization: 'City of {place}' },
  { title: 'Superintendent', organization: '{place} Public Schools' },
  { title: 'Sheriff', organization: "{place} County Sheriff's Office" },
  { title: 'District Attorney', organization: "{place} District Attorney's Office" },
  { title: 'Public Defender', organization: "{place} Public Defender's Office" },
  { title: 'Executive Director', organization: '{place} Tenants Union' },
  { title: 'General Manager', organization: '{place} Water Authority' },
  { title: 'Attorney General', organization: 'U.S. Department of Justice' },
  { title: 'Spokesperson', organization: 'U.S. Immigration and Customs Enforcement' },
  { title: 'Field Office Director', organization: 'U.S. Citizenship and Immigration Services' },
  { title: 'Regional Administrator', organization: 'Environmental Protection Agency' },
  { title: 'Commissioner', organization: 'U.S. Bureau of Reclamation' },
  { title: 'Immigration Judge', organization: 'Executive Office for Immigration Review' },
  { title: 'Executive Director', organization: 'American Civil Liberties Union' },
  { title: 'Senior Hydrologist', organization: 'Sonoran Water Policy Center' },
  { title: 'Professor of Economics', organization: 'State University' },
  { title: 'Policy Analyst', organization: 'Urban Institute' },
  { title: 'Immigration Attorney', organization: 'Border Legal Aid' },
  { title: 'President', organization: '{place} Chamber of Commerce' },
  { title: 'Chief Medical Officer', organization: '{place} General Hospital' },
  { title: 'Director', organization: '{place} Department of Public Health' },
  { title: 'State Senator', organization: 'State Senate' },
  { title: 'State Representative', organization: 'House of Representatives' },
  { title: 'Governor', organization: 'Office of the Governor' },
  { title: 'Farmer', organization: 'Whitaker Family Farms' },
  { title: 'Organizer', organization: 'Service Employees International Union' },
];

export const SUBJECTS: readonly string[] = [
  'The city council', 'State officials', 'The agency', 'Lawmakers', 'The department', 'Advocates for tenants',
  'Federal regulators', 'The county', 'Critics of the plan', 'Supporters of the measure', 'Budget analysts',
  "The governor's office", 'The school board', 'The water district', 'Hospital administrators', 'Prosecutors',
  'A federal judge', 'The sheriff', 'Union leaders', 'Several council members', 'The commission', 'Auditors',
  'Neighborhood groups', 'The utility', 'Immigration officials', 'Researchers', 'Election officials',
];

export const VERBS: readonly string[] = [
  'approved', 'rejected', 'delayed', 'questioned', 'announced', 'expanded', 'reviewed', 'defended',
  'challenged', 'funded', 'proposed', 'postponed', 'investigated', 'disclosed', 'estimated', 'revised',
  'cut', 'doubled', 'audited', 'paused', 'scaled back', 'signed off on', 'pushed back against', 'quietly ended',
];

export const OBJECTS: readonly string[] = [
  'a plan to expand {noun}', 'the proposal', 'new rules for {noun}', 'a larger budget for {noun}',
  'the report on {noun}', 'changes to {noun}', 'the contract', 'a pilot program for {noun}',
  'funding for {noun}', 'the latest figures on {noun}', 'an agreement on {noun}', 'limits on {noun}',
  'the inspection schedule', 'a decade-old policy on {noun}', 'the ballot measure', 'emergency spending',
];

export const NOUNS: readonly string[] = [
  'affordable housing', 'water storage', 'jail access', 'public transit', 'school meals', 'cooling centers',
  'groundwater pumping', 'police overtime', 'road repairs', 'election security', 'court interpreters',
  'shelter beds', 'air monitoring', 'wildfire crews', 'rental assistance', 'hospital staffing', 'bail hearings',
  'asylum interviews', 'flood barriers', 'broadband service', 'lead pipes', 'campaign contributions',
  'detention contracts', 'tree planting', 'bus routes', 'vaccination clinics', 'public records',
];

export const TAILS: readonly string[] = [
  'on Tuesday', 'last year', 'after months of debate', 'despite objections from residents',
  'according to records reviewed by the newsroom', 'before the deadline', 'while the lawsuit continues',
  'for the second time this year', 'without a public hearing', 'at a packed meeting', 'in a brief statement',
  'after an audit found gaps', 'as costs kept rising', 'under pressure from the state', 'late on Friday',
  'in a closed session', 'ahead of the election', 'as the heat wave continued', '',
];

export const CONNECTORS: readonly string[] = [
  'At the same time,', 'Still,', 'For now,', 'In interviews,', 'By one estimate,', 'Even so,', 'Later,',
  'Until then,', 'In a filing,', 'Over the past decade,', 'In response,', 'Separately,',
];

export const QUOTE_LINES: readonly string[] = [
  'We knew this day was coming; we just hoped it would come slower',
  'Nobody in this building thinks the current system is working',
  'The numbers are not in dispute, but what we do about them is',
  'People deserve to know where their money is going',
  'This is a bridge, and it is not a long one',
  'We will keep asking until someone gives us a straight answer',
  'Every delay has a cost, and families are the ones who pay it',
  'The law is clear, and we intend to follow it',
  'There is no version of this plan that pleases everyone',
  'We have been warning about this for years',
  'The trend line is the thing to watch',
  'I would rather be slow and right than fast and wrong',
];

export const SUBHEADS: readonly string[] = [
  'The vote', 'What comes next', 'A long dispute', 'Money and deadlines', 'How we got here', 'The numbers',
  'What residents said', 'Questions that remain', 'The other side', 'A pattern elsewhere',
];

export const UPDATE_TEXTS: readonly string[] = [
  "Adds the mayor's response.", 'Adds comment from the county.', 'Updated with the final vote count.',
  'Adds details from the court filing.', 'Updated with figures released by the agency.',
];

export const CORRECTION_TEXTS: readonly string[] = [
  'An earlier version misstated the deadline.', "An earlier version misspelled a council member's name.",
  'An earlier version gave the wrong amount for the contract.', 'This story has been updated to clarify who runs the jail.',
  "An earlier version misidentified the agency's title.",
];

export const CONTRIBUTOR_ROLES: readonly string[] = ['additional reporting', 'photos', 'research', 'data analysis'];
