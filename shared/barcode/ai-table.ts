/**
 * GS1 Application Identifiers this parser knows (GS1 General Specifications §3.2, Figure 3.2-1):
 * the retail, logistics and healthcare AIs a store's scanners meet. An AI not listed is reported
 * as 'bad-ai' rather than guessed at, because without its length the rest of the element string
 * cannot be split.
 *
 * Formats use the GS1 notation: N = digits, X = character set 82, Y = character set 39;
 * `N6` is exactly 6, `X..20` is up to 20, and `+` joins components (`N13+X..17`).
 */

/** How an AI's data is interpreted once its characters are valid. */
export type AiKind =
  /** The first component ends in a GS1 mod-10 check digit (§7.9): GTIN, GLN, SSCC, GDTI... */
  | 'check'
  /** YYMMDD (§7.12 century rule). */
  | 'date'
  /** YYMMDD where DD = 00 means "the month, no day given": read as its last day (§3.4). */
  | 'date-or-month'
  /** YYMMDDHHMM (AI 7003). */
  | 'date-time'
  /** A plain count, read as a number. */
  | 'count'
  /** Digits with implied decimals; the last digit of the AI says how many (§3.6). */
  | 'decimal'
  /** ISO 4217 numeric currency (N3) then an amount with implied decimals (391n, 393n). */
  | 'currency-decimal'
  /** Kept as text. */
  | 'text';

export interface AiSpec {
  ai: string;
  title: string;
  format: string;
  kind: AiKind;
}

type Row = readonly [ai: string, title: string, format: string, kind?: AiKind];

const FIXED_ROWS: readonly Row[] = [
  ['00', 'SSCC', 'N18', 'check'],
  ['01', 'GTIN', 'N14', 'check'],
  ['02', 'CONTENT', 'N14', 'check'],
  ['03', 'MTO GTIN', 'N14', 'check'],
  ['10', 'BATCH/LOT', 'X..20'],
  ['11', 'PROD DATE', 'N6', 'date-or-month'],
  ['12', 'DUE DATE', 'N6', 'date-or-month'],
  ['13', 'PACK DATE', 'N6', 'date-or-month'],
  ['15', 'BEST BEFORE or BEST BY', 'N6', 'date-or-month'],
  ['16', 'SELL BY', 'N6', 'date-or-month'],
  ['17', 'USE BY OR EXPIRY', 'N6', 'date-or-month'],
  ['20', 'VARIANT', 'N2'],
  ['21', 'SERIAL', 'X..20'],
  ['22', 'CPV', 'X..20'],
  ['235', 'TPX', 'X..28'],
  ['240', 'ADDITIONAL ID', 'X..30'],
  ['241', 'CUST. PART No.', 'X..30'],
  ['242', 'MTO VARIANT', 'N..6'],
  ['243', 'PCN', 'X..20'],
  ['250', 'SECONDARY SERIAL', 'X..30'],
  ['251', 'REF. TO SOURCE', 'X..30'],
  ['253', 'GDTI', 'N13+X..17', 'check'],
  ['254', 'GLN EXTENSION COMPONENT', 'X..20'],
  ['255', 'GCN', 'N13+N..12', 'check'],
  ['30', 'VAR. COUNT', 'N..8', 'count'],
  ['37', 'COUNT', 'N..8', 'count'],
  ['400', 'ORDER NUMBER', 'X..30'],
  ['401', 'GINC', 'X..30'],
  ['402', 'GSIN', 'N17', 'check'],
  ['403', 'ROUTE', 'X..30'],
  ['410', 'SHIP TO LOC', 'N13', 'check'],
  ['411', 'BILL TO', 'N13', 'check'],
  ['412', 'PURCHASE FROM', 'N13', 'check'],
  ['413', 'SHIP FOR LOC', 'N13', 'check'],
  ['414', 'LOC No.', 'N13', 'check'],
  ['415', 'PAY TO', 'N13', 'check'],
  ['416', 'PROD/SERV LOC', 'N13', 'check'],
  ['417', 'PARTY', 'N13', 'check'],
  ['420', 'SHIP TO POST', 'X..20'],
  ['421', 'SHIP TO POST', 'N3+X..9'],
  ['422', 'ORIGIN', 'N3'],
  ['423', 'COUNTRY - INITIAL PROCESS.', 'N3+N..12'],
  ['424', 'COUNTRY - PROCESS.', 'N3'],
  ['425', 'COUNTRY - DISASSEMBLY', 'N3+N..12'],
  ['426', 'COUNTRY - FULL PROCESS', 'N3'],
  ['427', 'ORIGIN SUBDIVISION', 'X..3'],
  ['7001', 'NSN', 'N13'],
  ['7002', 'MEAT CUT', 'X..30'],
  ['7003', 'EXPIRY TIME', 'N10', 'date-time'],
  ['7004', 'ACTIVE POTENCY', 'N..4'],
  ['7005', 'CATCH AREA', 'X..12'],
  ['7006', 'FIRST FREEZE DATE', 'N6', 'date'],
  ['7007', 'HARVEST DATE', 'N6+N..6'],
  ['7008', 'AQUATIC SPECIES', 'X..3'],
  ['7009', 'FISHING GEAR TYPE', 'X..10'],
  ['7010', 'PROD METHOD', 'X..2'],
  ['7011', 'TEST BY DATE', 'N6+N..4'],
  ['7020', 'REFURB LOT', 'X..20'],
  ['7021', 'FUNC STAT', 'X..20'],
  ['7022', 'REV STAT', 'X..20'],
  ['7023', 'GIAI - ASSEMBLY', 'X..30'],
  ['7040', 'UIC+EXT', 'N1+X3'],
  ['710', 'NHRN PZN', 'X..20'],
  ['711', 'NHRN CIP', 'X..20'],
  ['712', 'NHRN CN', 'X..20'],
  ['713', 'NHRN DRN', 'X..20'],
  ['714', 'NHRN AIM', 'X..20'],
  ['715', 'NHRN NDC', 'X..20'],
  ['7240', 'PROTOCOL', 'X..20'],
  ['8001', 'DIMENSIONS', 'N14'],
  ['8002', 'CMT No.', 'X..20'],
  ['8003', 'GRAI', 'N14+X..16', 'check'],
  ['8004', 'GIAI', 'X..30'],
  ['8005', 'PRICE PER UNIT', 'N6'],
  ['8006', 'ITIP', 'N14+N2+N2', 'check'],
  ['8007', 'IBAN', 'X..34'],
  ['8008', 'PROD TIME', 'N8+N..4'],
  ['8009', 'OPTSEN', 'X..50'],
  ['8010', 'CPID', 'Y..30'],
  ['8011', 'CPID SERIAL', 'N..12'],
  ['8012', 'VERSION', 'X..20'],
  ['8013', 'GMN', 'X..25'],
  ['8017', 'GSRN - PROVIDER', 'N18', 'check'],
  ['8018', 'GSRN - RECIPIENT', 'N18', 'check'],
  ['8019', 'SRIN', 'N..10'],
  ['8020', 'REF No.', 'X..25'],
  ['8026', 'ITIP CONTENT', 'N14+N2+N2', 'check'],
  ['8110', 'COUPON', 'X..70'],
  ['8111', 'POINTS', 'N4'],
  ['8112', 'PAPERLESS COUPON', 'X..70'],
  ['8200', 'PRODUCT URL', 'X..70'],
  ['90', 'INTERNAL', 'X..30'],
];

/**
 * Measures (§3.6): the fourth digit n is the number of implied decimals, 0-5 for trade and
 * logistic measures. Keyed by the first three digits.
 */
const MEASURES: Readonly<Record<string, string>> = {
  '310': 'NET WEIGHT (kg)',
  '311': 'LENGTH (m)',
  '312': 'WIDTH (m)',
  '313': 'HEIGHT (m)',
  '314': 'AREA (m²)',
  '315': 'NET VOLUME (l)',
  '316': 'NET VOLUME (m³)',
  '320': 'NET WEIGHT (lb)',
  '321': 'LENGTH (in)',
  '322': 'LENGTH (ft)',
  '323': 'LENGTH (yd)',
  '324': 'WIDTH (in)',
  '325': 'WIDTH (ft)',
  '326': 'WIDTH (yd)',
  '327': 'HEIGHT (in)',
  '328': 'HEIGHT (ft)',
  '329': 'HEIGHT (yd)',
  '330': 'GROSS WEIGHT (kg)',
  '331': 'LENGTH (m), log',
  '332': 'WIDTH (m), log',
  '333': 'HEIGHT (m), log',
  '334': 'AREA (m²), log',
  '335': 'VOLUME (l), log',
  '336': 'VOLUME (m³), log',
  '337': 'KG PER m²',
  '340': 'GROSS WEIGHT (lb)',
  '341': 'LENGTH (in), log',
  '342': 'LENGTH (ft), log',
  '343': 'LENGTH (yd), log',
  '344': 'WIDTH (in), log',
  '345': 'WIDTH (ft), log',
  '346': 'WIDTH (yd), log',
  '347': 'HEIGHT (in), log',
  '348': 'HEIGHT (ft), log',
  '349': 'HEIGHT (yd), log',
  '350': 'AREA (in²)',
  '351': 'AREA (ft²)',
  '352': 'AREA (yd²)',
  '353': 'AREA (in²), log',
  '354': 'AREA (ft²), log',
  '355': 'AREA (yd²), log',
  '356': 'NET WEIGHT (troy oz)',
  '357': 'NET VOLUME (oz)',
  '360': 'NET VOLUME (qt)',
  '361': 'NET VOLUME (gal.)',
  '362': 'VOLUME (qt), log',
  '363': 'VOLUME (gal.), log',
  '364': 'VOLUME (in³)',
  '365': 'VOLUME (ft³)',
  '366': 'VOLUME (yd³)',
  '367': 'VOLUME (in³), log',
  '368': 'VOLUME (ft³), log',
  '369': 'VOLUME (yd³), log',
};

function buildTable(): Map<string, AiSpec> {
  const table = new Map<string, AiSpec>();
  const add = (ai: string, title: string, format: string, kind: AiKind = 'text'): void => {
    table.set(ai, { ai, title, format, kind });
  };
  for (const [ai, title, format, kind] of FIXED_ROWS) add(ai, title, format, kind);
  for (const [prefix, title] of Object.entries(MEASURES)) {
    for (let n = 0; n <= 5; n++) add(`${prefix}${String(n)}`, title, 'N6', 'decimal');
  }
  // Amounts (§3.6.x): n = 0-9 implied decimals; the 391n/393n forms lead with an ISO 4217 code.
  for (let n = 0; n <= 9; n++) {
    add(`390${String(n)}`, 'AMOUNT', 'N..15', 'decimal');
    add(`391${String(n)}`, 'AMOUNT', 'N3+N..15', 'currency-decimal');
    add(`392${String(n)}`, 'PRICE', 'N..15', 'decimal');
    add(`393${String(n)}`, 'PRICE', 'N3+N..15', 'currency-decimal');
  }
  for (let n = 0; n <= 3; n++) add(`394${String(n)}`, 'PRCNT OFF', 'N4', 'decimal');
  for (let n = 0; n <= 5; n++) add(`395${String(n)}`, 'PRICE/UoM', 'N6', 'decimal');
  for (let s = 0; s <= 9; s++) add(`703${String(s)}`, `PROCESSOR # ${String(s)}`, 'N3+X..27');
  for (let s = 0; s <= 9; s++) add(`723${String(s)}`, `CERT # ${String(s + 1)}`, 'X2+X..28');
  // 91-99: company internal information (§3.9.x), free text.
  for (let i = 91; i <= 99; i++) add(String(i), 'INTERNAL', 'X..90');
  return table;
}

const TABLE = buildTable();

/**
 * The AI that starts `text` at `at`, if any. GS1 AIs are prefix-free (no AI is the start of
 * another), so at most one of the 2-, 3- and 4-digit candidates can match.
 */
export function lookupAiAt(text: string, at: number): AiSpec | undefined {
  for (let length = 2; length <= 4; length++) {
    const spec = TABLE.get(text.slice(at, at + length));
    if (spec) return spec;
  }
  return undefined;
}

/** True when `text` is the start of some known AI: the scan ended in the middle of one. */
export function isAiStart(text: string): boolean {
  if (text.length === 0 || text.length >= 4) return false;
  for (const ai of TABLE.keys()) if (ai.length > text.length && ai.startsWith(text)) return true;
  return false;
}

export function lookupAi(ai: string): AiSpec | undefined {
  return TABLE.get(ai);
}

/** Every known AI (for tests and tooling). */
export function knownAis(): string[] {
  return [...TABLE.keys()];
}

/**
 * Element strings whose total length (AI + data) is predefined by their first two digits, so no
 * FNC1/GS separator follows them even when more data comes (GS1 General Specifications §7.8.5).
 * Every other AI, fixed-length or not, must be ended by a GS unless it is last.
 */
const PREDEFINED_LENGTH: Readonly<Record<string, number>> = {
  '00': 20,
  '01': 16,
  '02': 16,
  '03': 16,
  '04': 18,
  '11': 8,
  '12': 8,
  '13': 8,
  '14': 8,
  '15': 8,
  '16': 8,
  '17': 8,
  '18': 8,
  '19': 8,
  '20': 4,
  '31': 10,
  '32': 10,
  '33': 10,
  '34': 10,
  '35': 10,
  '36': 10,
  '41': 16,
};

/** True when an element string starting with this AI never needs a GS after it (§7.8.5). */
export function hasPredefinedLength(ai: string): boolean {
  return PREDEFINED_LENGTH[ai.slice(0, 2)] !== undefined;
}
