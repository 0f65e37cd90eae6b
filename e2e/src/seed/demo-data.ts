// The demo operations centre, generated deterministically (same seed → same centre), without I/O. seed.ts sends it
// through the graph.
import {
  TICKET_STATUSES,
  type FaultCategory,
  type TicketKind,
  type TicketPriority,
  type TicketStatus,
} from '@opsgraph/contracts-events';
import { complaintHandling, UNFINISHED_STATES, type ComplaintStepAction } from './complaints';

/** mulberry32: small, fast, good enough for demo data. */
export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

export function weighted<T extends string>(random: Random, weights: Readonly<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return entries[entries.length - 1][0];
}

// ---- organisation -------------------------------------------------------------------------------------------------

export type Position =
  | 'OPS_DIRECTOR'
  | 'OPS_MANAGER'
  | 'CONTENT_EDITOR'
  | 'CAMPAIGN_SPECIALIST'
  | 'PROMOTION_SPECIALIST'
  | 'CS_SPECIALIST'
  | 'TECHNICIAN'
  | 'DATA_ANALYST'
  | 'PROJECT_MANAGER';

export interface DepartmentSpec {
  code: string;
  name: string;
  parentCode?: string;
}

export interface EmployeeSpec {
  employeeNumber: string;
  name: string;
  position: Position;
  departmentCode: string;
  hireDate: string;
  /** The department this employee manages. */
  manages?: string;
}

export const DEPARTMENTS: readonly DepartmentSpec[] = [
  { code: 'OPS', name: 'Operations Centre' },
  { code: 'CS', name: 'Customer Service', parentCode: 'OPS' },
  { code: 'TS', name: 'Technical Support', parentCode: 'OPS' },
  { code: 'MKT', name: 'Market Operations', parentCode: 'OPS' },
  { code: 'DA', name: 'Data Analysis', parentCode: 'OPS' },
  { code: 'PM', name: 'Project Management', parentCode: 'OPS' },
];

const STAFFING: readonly { departmentCode: string; position: Position; count: number }[] = [
  { departmentCode: 'CS', position: 'CS_SPECIALIST', count: 10 },
  { departmentCode: 'TS', position: 'TECHNICIAN', count: 6 },
  { departmentCode: 'MKT', position: 'CONTENT_EDITOR', count: 2 },
  { departmentCode: 'MKT', position: 'CAMPAIGN_SPECIALIST', count: 2 },
  { departmentCode: 'MKT', position: 'PROMOTION_SPECIALIST', count: 1 },
  { departmentCode: 'DA', position: 'DATA_ANALYST', count: 3 },
  { departmentCode: 'PM', position: 'PROJECT_MANAGER', count: 2 },
];

const SURNAMES = [
  'Chen',
  'Lin',
  'Huang',
  'Chang',
  'Li',
  'Wang',
  'Wu',
  'Liu',
  'Tsai',
  'Yang',
  'Hsu',
  'Cheng',
  'Hsieh',
  'Kuo',
  'Hung',
  'Tseng',
  'Chiu',
  'Liao',
  'Lai',
  'Chou',
];
const GIVEN = [
  'Mei-ling',
  'Chih-hao',
  'Ya-ting',
  'Wei-lun',
  'Shu-fen',
  'Chun-hung',
  'Pei-shan',
  'Yu-chen',
  'Hsin-yi',
  'Po-wei',
  'Tzu-hsuan',
  'Kuan-yu',
  'I-ting',
  'Cheng-en',
  'Hui-wen',
  'Jun-jie',
  'Ching-yi',
  'Yi-hsuan',
  'Ming-hsun',
  'Li-hua',
  'Szu-yu',
  'Chia-hao',
  'An-ni',
  'Tsung-han',
];

function personName(random: Random, used: Set<string>): string {
  for (;;) {
    const name = `${pick(random, SURNAMES)} ${pick(random, GIVEN)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function pastDate(random: Random, now: Date, minDays: number, maxDays: number): string {
  const days = minDays + Math.floor(random() * (maxDays - minDays));
  return new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

export function organisation(seed = 1, now = new Date()): EmployeeSpec[] {
  const random = rng(seed);
  const names = new Set<string>();
  const employees: EmployeeSpec[] = [];
  const add = (
    spec: Omit<EmployeeSpec, 'employeeNumber' | 'name' | 'hireDate'>,
    minDays: number,
    maxDays: number,
  ) =>
    employees.push({
      employeeNumber: `EMP-${String(employees.length + 1).padStart(6, '0')}`,
      name: personName(random, names),
      hireDate: pastDate(random, now, minDays, maxDays),
      ...spec,
    });
  add({ position: 'OPS_DIRECTOR', departmentCode: 'OPS', manages: 'OPS' }, 2_000, 3_000);
  for (const department of DEPARTMENTS.slice(1)) {
    add({ position: 'OPS_MANAGER', departmentCode: department.code, manages: department.code }, 900, 2_500);
  }
  for (const { departmentCode, position, count } of STAFFING) {
    for (let i = 0; i < count; i++) add({ position, departmentCode }, 30, 2_000);
  }
  return employees;
}

// ---- customers ----------------------------------------------------------------------------------------------------

export type Channel =
  'PHONE' | 'EMAIL' | 'WEB' | 'APP' | 'ONLINE_CHAT' | 'SOCIAL_MEDIA' | 'HOTLINE' | 'WALK_IN';
export type Tier = 'STANDARD' | 'KEY_ACCOUNT' | 'VIP';

export interface CustomerSpec {
  code: string;
  name: string;
  type: 'INDIVIDUAL' | 'ORGANIZATION';
  tier: Tier;
  tags: string[];
  preferredChannel: Channel;
  language: string;
  consents: { marketing: boolean; surveys: boolean; revisits: boolean };
  contacts: { name: string; title?: string; phone?: string; email?: string }[];
}

const COMPANY_PREFIX = [
  'Formosa',
  'Harbour',
  'Jade',
  'Pacific',
  'Golden Bay',
  'Evergreen',
  'Lotus',
  'Summit',
  'Northstar',
  'Orchid',
  'Silverline',
  'Bluewave',
  'Red Lantern',
  'Kaohsiung',
  'Taichung',
  'Keelung',
  'Hsinchu',
  'Sunrise',
  'Crescent',
  'Maple',
];
const COMPANY_KIND = [
  'Logistics',
  'Retail Group',
  'Trading',
  'Foods',
  'Electronics',
  'Clinics',
  'Hotels',
  'Travel',
  'Insurance Agency',
  'Property Management',
  'Textiles',
  'Software',
  'Bakery Chain',
  'Pharmacy',
  'Education',
];
const TITLES = [
  'Office Manager',
  'IT Lead',
  'Procurement',
  'Operations Director',
  'Owner',
  'Finance Manager',
  'Customer Care Lead',
];
const TAGS = [
  'online-shop',
  'branch-network',
  'new-2025',
  'high-volume',
  'multi-site',
  'reseller',
  'public-sector',
  'healthcare',
  'hospitality',
  'sme',
];
const CHANNEL_WEIGHTS: Record<Channel, number> = {
  PHONE: 22,
  HOTLINE: 18,
  EMAIL: 14,
  WEB: 14,
  APP: 12,
  ONLINE_CHAT: 12,
  SOCIAL_MEDIA: 5,
  WALK_IN: 3,
};

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '');

export function customers(count = 200, seed = 2): CustomerSpec[] {
  const random = rng(seed);
  const names = new Set<string>();
  const result: CustomerSpec[] = [];
  for (let i = 1; i <= count; i++) {
    const tier: Tier = i % 10 === 0 ? 'VIP' : i % 5 === 0 ? 'KEY_ACCOUNT' : 'STANDARD';
    const organisation = tier !== 'STANDARD' ? random() < 0.85 : random() < 0.35;
    const phone = () => `+8869${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
    let name: string;
    const contacts: CustomerSpec['contacts'] = [];
    if (organisation) {
      do name = `${pick(random, COMPANY_PREFIX)} ${pick(random, COMPANY_KIND)} Co., Ltd.`;
      while (names.has(name));
      names.add(name);
      const domain = `${slug(name.replace(' Co., Ltd.', '')).replace(/\./g, '-')}.example.com`;
      for (let c = 0; c < (tier === 'STANDARD' ? 1 : 2); c++) {
        const person = personName(random, new Set());
        contacts.push({
          name: person,
          title: pick(random, TITLES),
          phone: phone(),
          email: `${slug(person)}@${domain}`,
        });
      }
    } else {
      name = personName(random, names);
      contacts.push({
        name,
        phone: phone(),
        ...(random() < 0.7 ? { email: `${slug(name)}${i}@mail.example.com` } : {}),
      });
    }
    const tags = TAGS.filter(() => random() < 0.12).slice(0, 3);
    result.push({
      code: `C-DEMO-${String(i).padStart(4, '0')}`,
      name,
      type: organisation ? 'ORGANIZATION' : 'INDIVIDUAL',
      tier,
      tags,
      preferredChannel: weighted(random, CHANNEL_WEIGHTS),
      language: random() < 0.8 ? 'zh-TW' : 'en',
      consents: {
        marketing: random() < 0.4,
        surveys: random() < 0.85,
        revisits: tier !== 'STANDARD' && random() < 0.8,
      },
      contacts,
    });
  }
  return result;
}

// ---- tickets ------------------------------------------------------------------------------------------------------

// The value lists are the event contract's.
export type Kind = TicketKind;
export type Category = FaultCategory;
export type Severity = 'HIGH' | 'MEDIUM' | 'LOW';
export type FinalState = TicketStatus;
export type Priority = TicketPriority;

export interface SurveySpec {
  overall: number;
  quality: number;
  efficiency: number;
  communication: number;
  comment?: string;
}

/** One change of a ticket's life after its opening, at the moment it happened (sent with `occurredAt`). */
export type StepAction =
  | 'ACKNOWLEDGE'
  | 'ASSIGN'
  | 'ESCALATE'
  | 'START_WORK'
  | 'PUBLIC_UPDATE'
  | 'INTERNAL_NOTE'
  | ComplaintStepAction
  | 'AWAIT_CUSTOMER'
  | 'CUSTOMER_RESPONDED'
  | 'REVIEW_SUGGESTION'
  | 'RESOLVE'
  | 'SURVEY'
  | 'CLOSE'
  | 'REOPEN'
  | 'CREDIT_PRAISE';

export interface TicketStep {
  action: StepAction;
  /** ISO instant, after the previous step's and before the generation's `now`. */
  at: string;
}

export interface TicketSpec {
  index: number;
  kind: Kind;
  category?: Category;
  channel: Channel;
  subject: string;
  description: string;
  customerIndex: number;
  /** Opened by the customer in the portal (WEB/APP) rather than by an agent: not routed at intake. */
  selfService: boolean;
  urgency: Severity;
  impact: Severity;
  priority: Priority;
  departmentCode: string;
  /** Index into the department's handlers (round robin by the loader). */
  handlerSeed: number;
  openedAt: string;
  /** The changes after the opening, in time order; the ticket's life as far as it got by `now`. */
  steps: TicketStep[];
  /** The status after the last step. */
  finalState: FinalState;
  /** Whether the first response / the resolution came after its SLA deadline (the service flags them). */
  late: { response: boolean; resolution: boolean };
  publicUpdate: string;
  internalNote: string;
  resolution: string;
  closeByCustomer: boolean;
  survey?: SurveySpec;
  complaint?: {
    responsibleDepartmentCode: string;
    findings: string;
    rootCause: string;
    correctiveAction: string;
    feedback: string;
    followUp: { result: string; satisfied: boolean };
  };
  suggestion?: { decision: 'ACCEPTED' | 'REJECTED'; reason: string };
}

const SUBJECTS: Record<Exclude<Kind, 'FAULT'>, readonly string[]> = {
  SERVICE_REQUEST: [
    'Add a new user to our company account',
    'Change the billing address',
    'Send a copy of last month’s invoice',
    'Reset the customer portal password',
    'Enable two-factor sign-in for our staff',
    'Raise the storage quota of our plan',
    'Transfer the account to a new owner',
    'Export our order history for the audit',
    'Book an on-site visit for the new branch',
    'Update the delivery contact person',
  ],
  CONSULTATION: [
    'How do I switch to the annual plan?',
    'What are the hotline hours during the holidays?',
    'Which documents are needed to open a business account?',
    'Can invoices be issued in English?',
    'How long does a refund take?',
    'Is there a discount for schools?',
    'How do I connect the app to our accounting software?',
  ],
  COMPLAINT: [
    'The promised call-back never came',
    'Waited 40 minutes in the hotline queue',
    'The repair took three visits',
    'Charged twice for one order',
    'The agent closed my request without asking me',
    'The technician arrived outside the booked window',
    'Nobody answered my e-mail for a week',
  ],
  PRAISE: [
    'Thank you to the technician who came on Sunday',
    'The hotline agent went out of her way to help',
    'Praise for the quick fix of our invoice problem',
    'A thank-you letter for the patient explanation',
  ],
  SUGGESTION: [
    'Offer a dark mode in the app',
    'Open the hotline on Saturday mornings',
    'Send an SMS when the technician is on the way',
    'Let us download all invoices at once',
    'Add live chat to the help pages',
    'Show the expected waiting time in the queue',
  ],
};

const FAULTS: Record<Category, readonly string[]> = {
  SYSTEM_FAULT: [
    'The portal answers 502 at sign-in',
    'The app crashes on start-up',
    'The payment page times out',
    'Nobody can log in at the Taichung branch',
  ],
  FUNCTION_ANOMALY: [
    'Search finds no results for existing orders',
    'Notifications arrive twice',
    'The coupon is not applied at checkout',
    'The report export stops at 1,000 rows',
  ],
  DATA_ISSUE: [
    'The order total differs from the invoice',
    'Our company appears twice in the customer list',
    'Transactions are missing from the monthly statement',
    'The loyalty points balance is wrong',
  ],
  OTHER: [
    'The queue-ticket printer in the service hall is jammed',
    'The self-service kiosk screen stays dark',
    'The hold music on the hotline is distorted',
  ],
};

const RESOLUTIONS: Record<Kind, readonly string[]> = {
  SERVICE_REQUEST: [
    'Done as requested; confirmation sent by e-mail.',
    'Completed and checked with the customer on the phone.',
    'Set up; the customer received the new credentials.',
  ],
  FAULT: [
    'Root cause fixed and verified with the customer.',
    'A configuration error was corrected; monitoring shows no recurrence.',
    'Faulty component replaced on site; service restored.',
    'Data corrected and a reconciliation report shared.',
  ],
  CONSULTATION: [
    'Answered with a link to the guide and the relevant terms.',
    'Explained on the phone; summary sent by e-mail.',
  ],
  COMPLAINT: [
    'Apologised, refunded the difference and agreed a follow-up.',
    'Explained what went wrong and what changes; compensation voucher issued.',
  ],
  PRAISE: ['Thanked the customer and passed the praise on to the employee and their manager.'],
  SUGGESTION: [
    'Thanked the customer and recorded the suggestion for the product review.',
    'Passed to the product team; the customer will hear about the outcome.',
  ],
};

const COMMENTS = {
  good: [
    'Quick and friendly, thank you.',
    'Solved on the first call.',
    'Very clear explanation.',
    'The technician was excellent.',
  ],
  bad: [
    'Took far too long.',
    'I had to repeat my problem three times.',
    'Solved, but nobody kept me informed.',
  ],
};

const KIND_WEIGHTS: Record<Kind, number> = {
  SERVICE_REQUEST: 38,
  FAULT: 27,
  CONSULTATION: 20,
  COMPLAINT: 8,
  SUGGESTION: 7,
  // Drawn from consultations with their own stream (see tickets()), so the other kinds' draws stay as they were.
  PRAISE: 0,
};
const CATEGORY_WEIGHTS: Record<Category, number> = {
  SYSTEM_FAULT: 30,
  FUNCTION_ANOMALY: 35,
  DATA_ISSUE: 25,
  OTHER: 10,
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How far back the demo history reaches. */
export const HISTORY_DAYS = 90;
/** The centre works in Taipei time (UTC+8, no daylight saving): the intake profile is local. */
export const LOCAL_OFFSET_MS = 8 * HOUR;

/** The ticket service's seeded SLA policies (response, resolution), in ms. */
export const SLA_TARGETS: Readonly<Record<Priority, { response: number; resolution: number }>> = {
  P1: { response: 15 * MINUTE, resolution: 4 * HOUR },
  P2: { response: HOUR, resolution: 8 * HOUR },
  P3: { response: 4 * HOUR, resolution: 24 * HOUR },
  P4: { response: 8 * HOUR, resolution: 72 * HOUR },
};

const PRIORITY_MATRIX: Readonly<Record<Severity, Readonly<Record<Severity, Priority>>>> = {
  HIGH: { HIGH: 'P1', MEDIUM: 'P2', LOW: 'P3' },
  MEDIUM: { HIGH: 'P2', MEDIUM: 'P3', LOW: 'P4' },
  LOW: { HIGH: 'P3', MEDIUM: 'P4', LOW: 'P4' },
};

/** Relative intake per local weekday (Sunday first) and local hour: a working-hours service centre. */
const WEEKDAY_WEIGHTS = [0.25, 1, 1, 0.95, 0.95, 0.9, 0.35];
const HOUR_WEIGHTS = [
  0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.2, 0.45, 0.9, 1.6, 1.7, 1.5, 1.0, 1.4, 1.6, 1.5, 1.3, 1.0, 0.7, 0.55,
  0.45, 0.35, 0.25, 0.15,
];

/** Where a ticket's story ends, by its age: recent tickets are still being worked on, old ones are closed. */
const FINAL_BY_AGE: readonly { maxAgeMs: number; weights: Partial<Record<FinalState, number>> }[] = [
  { maxAgeMs: 4 * HOUR, weights: { NEW: 25, ACKNOWLEDGED: 20, ASSIGNED: 20, IN_PROGRESS: 25, RESOLVED: 10 } },
  {
    maxAgeMs: 2 * DAY,
    weights: {
      NEW: 3,
      ACKNOWLEDGED: 5,
      ASSIGNED: 10,
      IN_PROGRESS: 25,
      PENDING_CUSTOMER: 10,
      RESOLVED: 35,
      CLOSED: 12,
    },
  },
  {
    maxAgeMs: 7 * DAY,
    weights: { ASSIGNED: 2, IN_PROGRESS: 8, PENDING_CUSTOMER: 8, RESOLVED: 22, CLOSED: 57, REOPENED: 3 },
  },
  // Older: closed, except a stale backlog (waiting for the customer for weeks, or stuck in work). RESOLVED is not an
  // option: the service closes resolved tickets after 7 days.
  { maxAgeMs: Infinity, weights: { IN_PROGRESS: 1.5, PENDING_CUSTOMER: 1.5, CLOSED: 97 } },
];

const SURVEY_SCORES = {
  /** Mostly 4–5. */
  good: { '5': 50, '4': 34, '3': 10, '2': 4, '1': 2 },
  /** Served late. */
  late: { '5': 18, '4': 36, '3': 26, '2': 12, '1': 8 },
  complaint: { '5': 8, '4': 20, '3': 32, '2': 24, '1': 16 },
} as const;

function severity(random: Random, high: number, medium: number): Severity {
  const roll = random();
  return roll < high ? 'HIGH' : roll < high + medium ? 'MEDIUM' : 'LOW';
}

/** A standard normal variate (Box–Muller). */
function gaussian(random: Random): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A log-normal delay: half are shorter than `median`, with a long tail (`sigma` on the log scale). */
function delay(random: Random, median: number, sigma: number, min = MINUTE, max = Infinity): number {
  return Math.round(Math.min(max, Math.max(min, median * Math.exp(sigma * gaussian(random)))));
}

function scoreFrom(random: Random, weights: Readonly<Record<string, number>>): number {
  return Number(weighted(random, weights));
}

const clampScore = (value: number) => Math.min(5, Math.max(1, value));

/** A weekday/hour-weighted instant in the last HISTORY_DAYS days, at least 10 minutes before `now`. */
function openingTime(random: Random, now: number): number {
  const localToday = Math.floor((now + LOCAL_OFFSET_MS) / DAY) * DAY;
  const days = Array.from({ length: HISTORY_DAYS }, (_, ago) => ago);
  const dayWeights = Object.fromEntries(
    days.map((ago) => [String(ago), WEEKDAY_WEIGHTS[new Date(localToday - ago * DAY).getUTCDay()]]),
  );
  const ago = Number(weighted(random, dayWeights));
  const hour = Number(
    weighted(random, Object.fromEntries(HOUR_WEIGHTS.map((weight, h) => [String(h), weight]))),
  );
  let at = localToday - ago * DAY + hour * HOUR + Math.floor(random() * HOUR) - LOCAL_OFFSET_MS;
  // Today's later hours have not happened yet: the same hour a day earlier.
  while (at > now - 10 * MINUTE) at -= DAY;
  return at;
}

/** The hour of `at` in the centre's time zone. */
export function localHour(at: number): number {
  return new Date(at + LOCAL_OFFSET_MS).getUTCHours();
}

function offHours(at: number): boolean {
  const local = new Date(at + LOCAL_OFFSET_MS);
  const day = local.getUTCDay();
  const hour = local.getUTCHours();
  return day === 0 || day === 6 || hour < 8 || hour >= 19;
}

/** Not yet resolved: every status of the contract but RESOLVED and CLOSED. */
const OPEN_STATES: readonly FinalState[] = TICKET_STATUSES.filter(
  (status) => status !== 'RESOLVED' && status !== 'CLOSED',
);

/** The status after `steps` (replays the lifecycle as far as the seed uses it). */
export function statusAfter(steps: readonly Pick<TicketStep, 'action'>[]): FinalState {
  let status: FinalState = 'NEW';
  for (const { action } of steps) {
    switch (action) {
      case 'ACKNOWLEDGE':
        status = 'ACKNOWLEDGED';
        break;
      case 'ASSIGN':
        if (status === 'NEW' || status === 'ACKNOWLEDGED' || status === 'REOPENED') status = 'ASSIGNED';
        break;
      case 'START_WORK':
      case 'CUSTOMER_RESPONDED':
        status = 'IN_PROGRESS';
        break;
      case 'AWAIT_CUSTOMER':
        status = 'PENDING_CUSTOMER';
        break;
      case 'RESOLVE':
        status = 'RESOLVED';
        break;
      case 'CLOSE':
        status = 'CLOSED';
        break;
      case 'REOPEN':
        status = 'REOPENED';
        break;
      default:
        break;
    }
  }
  return status;
}

export function isOpen(state: FinalState): boolean {
  return OPEN_STATES.includes(state);
}

/**
 * `count` tickets opened over the last HISTORY_DAYS days before `now` (weekday/hour profile, Taipei time), oldest
 * first, each with its life up to `now`: first response and resolution delays per priority (log-normal, so that
 * some miss their SLA), waiting for the customer, escalations, progress notes, complaint investigations and
 * follow-up visits, suggestion reviews, surveys (mostly 4–5; complaints and late service lower), closing, the odd
 * reopening. Same `seed` and `now` → same tickets; kinds, customers and texts do not depend on `now`.
 */
export function tickets(
  count: number,
  customerCount: number,
  seed = 3,
  now: Date = new Date(),
): TicketSpec[] {
  const random = rng(seed);
  // Times come from their own stream, so that what the tickets are about stays the same whatever `now` is.
  const clock = rng(seed + 1_000_003);
  // About one consultation in seven is a letter of praise instead; its own stream keeps the other draws unchanged.
  const praise = rng(seed + 2_000_003);
  const nowMs = now.getTime();
  const result: TicketSpec[] = [];
  for (let index = 0; index < count; index++) {
    const drawn = weighted(random, KIND_WEIGHTS);
    const kind: Kind = drawn === 'CONSULTATION' && praise() < 0.15 ? 'PRAISE' : drawn;
    const category = kind === 'FAULT' ? weighted(random, CATEGORY_WEIGHTS) : undefined;
    const subject = category
      ? pick(random, FAULTS[category])
      : pick(random, SUBJECTS[kind as Exclude<Kind, 'FAULT'>]);
    // A few customers call much more often than the rest.
    const customerIndex = Math.floor(Math.pow(random(), 1.6) * customerCount);
    const channel = weighted(random, CHANNEL_WEIGHTS);
    const departmentCode =
      kind === 'FAULT' ? 'TS' : kind === 'SUGGESTION' ? pick(random, ['MKT', 'PM']) : 'CS';
    const urgency =
      kind === 'FAULT' && category === 'SYSTEM_FAULT'
        ? severity(random, 0.5, 0.4)
        : kind === 'COMPLAINT'
          ? severity(random, 0.3, 0.5)
          : kind === 'CONSULTATION' || kind === 'SUGGESTION' || kind === 'PRAISE'
            ? severity(random, 0, 0.25)
            : severity(random, 0.1, 0.5);
    const impact = kind === 'FAULT' ? severity(random, 0.3, 0.4) : severity(random, 0.05, 0.35);
    const priority = PRIORITY_MATRIX[urgency][impact];
    const spec: TicketSpec = {
      index,
      kind,
      ...(category ? { category } : {}),
      channel,
      subject,
      description: `${subject}. Reported via ${channel.toLowerCase().replace('_', ' ')}; the customer asked to be kept informed.`,
      customerIndex,
      selfService: (channel === 'WEB' || channel === 'APP') && random() < 0.7,
      urgency,
      impact,
      priority,
      departmentCode,
      handlerSeed: Math.floor(random() * 1000),
      openedAt: '',
      steps: [],
      finalState: 'NEW',
      late: { response: false, resolution: false },
      publicUpdate: pick(random, [
        'We are looking into it and will update you today.',
        'A specialist is on it; we will call you back.',
      ]),
      internalNote: pick(random, [
        'Checked the logs; see the attached reference in the CRM.',
        'Reproduced on the test system.',
      ]),
      resolution: pick(random, RESOLUTIONS[kind]),
      closeByCustomer: random() < 0.6,
    };
    if (kind === 'COMPLAINT') {
      spec.complaint = {
        responsibleDepartmentCode: pick(random, ['CS', 'CS', 'TS', 'MKT']),
        findings: 'Call records and the ticket history confirm the customer’s account.',
        rootCause: pick(random, [
          'Call-back queue not monitored at shift change',
          'Booking window not shared with the field team',
          'Duplicate charge from a payment retry',
        ]),
        correctiveAction: pick(random, [
          'Shift hand-over checklist now includes pending call-backs',
          'Field schedule shared with the hotline in real time',
          'Payment retries made idempotent',
        ]),
        feedback: 'We apologised and explained the corrective action.',
        followUp:
          random() < 0.7
            ? { result: 'Customer confirmed the issue has not recurred.', satisfied: true }
            : { result: 'Customer is still unhappy with how long it took.', satisfied: false },
      };
    }
    if (kind === 'SUGGESTION') {
      spec.suggestion =
        random() < 0.45
          ? { decision: 'ACCEPTED', reason: 'Planned for the next quarter’s release.' }
          : {
              decision: 'REJECTED',
              reason: 'Does not fit the current service model; kept for the annual review.',
            };
    }
    result.push(spec);
  }
  // Complaints still being worked on leave their corrective action in each state in turn.
  const unfinished = { next: 0 };
  for (const spec of result) live(spec, clock, nowMs, unfinished);
  // Oldest first, so that ticket numbers follow the calendar as in a migration from a legacy helpdesk.
  return result
    .sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a.index - b.index)
    .map((spec, index) => ({ ...spec, index }));
}

/** Fills in when the ticket was opened and what happened to it since, up to `now`. */
function live(spec: TicketSpec, random: Random, now: number, unfinished: { next: number }): void {
  const opened = openingTime(random, now);
  const sla = SLA_TARGETS[spec.priority];
  const planned = weighted(
    random,
    FINAL_BY_AGE.find((band) => now - opened < band.maxAgeMs)!.weights as Record<FinalState, number>,
  );
  const reopenCycle = planned === 'REOPENED' || (planned === 'CLOSED' && random() < 0.04);
  const steps: { action: StepAction; at: number }[] = [];
  const add = (action: StepAction, at: number) => steps.push({ action, at });

  // First response: a third of the response target typically, slower outside working hours; 1 in 10 is late.
  const firstResponse = opened + delay(random, sla.response * 0.35 * (offHours(opened) ? 1.6 : 1), 0.8);
  // Some are assigned at once (also the first response); a story that ends ACKNOWLEDGED is not one of them.
  const assignsDirectly = planned !== 'ACKNOWLEDGED' && random() < 0.3;
  const late = { response: firstResponse - opened > sla.response, resolution: false };
  add(assignsDirectly ? 'ASSIGN' : 'ACKNOWLEDGE', firstResponse);
  const assigned = assignsDirectly
    ? firstResponse
    : firstResponse + delay(random, sla.resolution * 0.08, 0.7, 2 * MINUTE);
  if (!assignsDirectly) add('ASSIGN', assigned);
  const escalates =
    (spec.priority === 'P1' || spec.priority === 'P2' || spec.kind === 'COMPLAINT') &&
    random() < (late.response ? 0.5 : 0.15);
  const escalation = delay(random, sla.resolution * 0.1, 0.5);
  const started = assigned + delay(random, sla.resolution * 0.05, 0.7);
  add('START_WORK', started);

  // The resolution clock (paused while waiting for the customer): half the target typically, 1 in 8 late.
  const elapsed = Math.max(
    started - opened + 10 * MINUTE,
    delay(random, sla.resolution * (spec.kind === 'COMPLAINT' ? 0.65 : 0.5), 0.6),
  );
  const work = opened + elapsed - started;
  late.resolution = elapsed > sla.resolution;
  const waits = planned === 'PENDING_CUSTOMER' || random() < 0.15;
  const waitFrom = started + Math.round(work * (0.3 + 0.3 * random()));
  const waited = waits ? delay(random, 6 * HOUR, 1.0, 30 * MINUTE, 5 * DAY) : 0;
  // Work before and after the wait, shifted by it.
  const during = (share: number) => {
    const at = started + Math.round(work * share);
    return at < waitFrom ? at : at + waited;
  };
  if (random() < 0.5) add('PUBLIC_UPDATE', during(0.15));
  if (random() < 0.4) add('INTERNAL_NOTE', during(0.25));
  if (spec.complaint) {
    const finished = !isOpen(planned) || planned === 'REOPENED';
    // Only a story that ends IN_PROGRESS tells the handling (the others end before the work or while waiting).
    const stopAt = finished
      ? null
      : planned === 'IN_PROGRESS'
        ? UNFINISHED_STATES[unfinished.next++ % UNFINISHED_STATES.length]
        : 'OPEN';
    complaintHandling(random, during, add, stopAt);
  }
  if (spec.suggestion) add('REVIEW_SUGGESTION', during(0.5));
  // A letter of praise (表揚信) is credited to the employee it names once someone has taken it in hand.
  if (spec.kind === 'PRAISE') add('CREDIT_PRAISE', during(0.2));
  if (waits) {
    add('AWAIT_CUSTOMER', waitFrom);
    add('CUSTOMER_RESPONDED', waitFrom + waited);
  }
  let resolved = started + work + waited;
  add('RESOLVE', resolved);
  // While the ticket is open (escalating a resolved one is refused).
  if (escalates) add('ESCALATE', assigned + Math.min(escalation, Math.round((resolved - assigned) / 2)));
  if (reopenCycle) {
    const reopened = resolved + delay(random, 20 * HOUR, 0.6, HOUR, 4 * DAY);
    add('REOPEN', reopened);
    const restarted = reopened + delay(random, HOUR, 0.7);
    add('START_WORK', restarted);
    // Never before the work restarted (both delays are random: an early draw would resolve a REOPENED ticket).
    resolved = Math.max(restarted + 10 * MINUTE, reopened + delay(random, 5 * HOUR, 0.7, 2 * HOUR));
    add('RESOLVE', resolved);
  }
  if (random() < 0.55) {
    add('SURVEY', resolved + delay(random, 8 * HOUR, 1.0, 10 * MINUTE, 3 * DAY));
    const mood = spec.complaint
      ? SURVEY_SCORES.complaint
      : late.response || late.resolution
        ? SURVEY_SCORES.late
        : SURVEY_SCORES.good;
    const overall = scoreFrom(random, mood);
    const nudge = () => (random() < 0.7 ? 0 : random() < 0.5 ? -1 : 1);
    spec.survey = {
      overall,
      quality: clampScore(overall + nudge()),
      efficiency: clampScore(overall + nudge() - (late.resolution ? 1 : 0)),
      communication: clampScore(overall + nudge()),
      ...(random() < 0.5 ? { comment: pick(random, overall >= 4 ? COMMENTS.good : COMMENTS.bad) } : {}),
    };
  }
  // Closed within 7 days of the resolution (the service's auto-close would do it otherwise).
  add('CLOSE', resolved + delay(random, 30 * HOUR, 0.7, HOUR, 6.5 * DAY));

  // The story ends at the first change of status after the planned final state was reached, or at `now`.
  const ordered = steps.sort((a, b) => a.at - b.at);
  const cut = ordered.findIndex((_, i) => {
    const before = statusAfter(ordered.slice(0, i));
    return before === planned && planned !== 'CLOSED' && statusAfter(ordered.slice(0, i + 1)) !== before;
  });
  const told = (cut < 0 ? ordered : ordered.slice(0, cut)).filter((step) => step.at <= now - MINUTE);
  if (!told.some((step) => step.action === 'SURVEY')) delete spec.survey;
  spec.openedAt = new Date(opened).toISOString();
  spec.steps = told.map((step) => ({ action: step.action, at: new Date(step.at).toISOString() }));
  spec.finalState = statusAfter(spec.steps);
  spec.late = {
    response: late.response && spec.steps.length > 0,
    resolution: late.resolution && spec.steps.some((step) => step.action === 'RESOLVE'),
  };
}
