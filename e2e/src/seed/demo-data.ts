// The demo operations centre, generated deterministically (same seed → same centre), without I/O. seed.ts sends it
// through the graph.

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

const SURNAMES = ['Chen', 'Lin', 'Huang', 'Chang', 'Li', 'Wang', 'Wu', 'Liu', 'Tsai', 'Yang', 'Hsu', 'Cheng', 'Hsieh', 'Kuo', 'Hung', 'Tseng', 'Chiu', 'Liao', 'Lai', 'Chou'];
const GIVEN = ['Mei-ling', 'Chih-hao', 'Ya-ting', 'Wei-lun', 'Shu-fen', 'Chun-hung', 'Pei-shan', 'Yu-chen', 'Hsin-yi', 'Po-wei', 'Tzu-hsuan', 'Kuan-yu', 'I-ting', 'Cheng-en', 'Hui-wen', 'Jun-jie', 'Ching-yi', 'Yi-hsuan', 'Ming-hsun', 'Li-hua', 'Szu-yu', 'Chia-hao', 'An-ni', 'Tsung-han'];

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
  const add = (spec: Omit<EmployeeSpec, 'employeeNumber' | 'name' | 'hireDate'>, minDays: number, maxDays: number) =>
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

export type Channel = 'PHONE' | 'EMAIL' | 'WEB' | 'APP' | 'ONLINE_CHAT' | 'SOCIAL_MEDIA' | 'HOTLINE' | 'WALK_IN';
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

const COMPANY_PREFIX = ['Formosa', 'Harbour', 'Jade', 'Pacific', 'Golden Bay', 'Evergreen', 'Lotus', 'Summit', 'Northstar', 'Orchid', 'Silverline', 'Bluewave', 'Red Lantern', 'Kaohsiung', 'Taichung', 'Keelung', 'Hsinchu', 'Sunrise', 'Crescent', 'Maple'];
const COMPANY_KIND = ['Logistics', 'Retail Group', 'Trading', 'Foods', 'Electronics', 'Clinics', 'Hotels', 'Travel', 'Insurance Agency', 'Property Management', 'Textiles', 'Software', 'Bakery Chain', 'Pharmacy', 'Education'];
const TITLES = ['Office Manager', 'IT Lead', 'Procurement', 'Operations Director', 'Owner', 'Finance Manager', 'Customer Care Lead'];
const TAGS = ['online-shop', 'branch-network', 'new-2025', 'high-volume', 'multi-site', 'reseller', 'public-sector', 'healthcare', 'hospitality', 'sme'];
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

const slug = (text: string) => text.toLowerCase().replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '');

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
        contacts.push({ name: person, title: pick(random, TITLES), phone: phone(), email: `${slug(person)}@${domain}` });
      }
    } else {
      name = personName(random, names);
      contacts.push({ name, phone: phone(), ...(random() < 0.7 ? { email: `${slug(name)}${i}@mail.example.com` } : {}) });
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
      consents: { marketing: random() < 0.4, surveys: random() < 0.85, revisits: tier !== 'STANDARD' && random() < 0.8 },
      contacts,
    });
  }
  return result;
}

// ---- tickets ------------------------------------------------------------------------------------------------------

export type Kind = 'SERVICE_REQUEST' | 'FAULT' | 'CONSULTATION' | 'COMPLAINT' | 'SUGGESTION';
export type Category = 'SYSTEM_FAULT' | 'FUNCTION_ANOMALY' | 'DATA_ISSUE' | 'OTHER';
export type Severity = 'HIGH' | 'MEDIUM' | 'LOW';
export type FinalState =
  | 'NEW'
  | 'ACKNOWLEDGED'
  | 'ASSIGNED'
  | 'IN_PROGRESS'
  | 'PENDING_CUSTOMER'
  | 'RESOLVED'
  | 'CLOSED'
  | 'REOPENED';

export interface SurveySpec {
  overall: number;
  quality: number;
  efficiency: number;
  communication: number;
  comment?: string;
}

export interface TicketSpec {
  index: number;
  kind: Kind;
  category?: Category;
  channel: Channel;
  subject: string;
  description: string;
  customerIndex: number;
  /** Opened by the customer in the portal (WEB/APP) rather than by an agent. */
  selfService: boolean;
  urgency: Severity;
  impact: Severity;
  departmentCode: string;
  /** Index into the department's handlers (round robin by the loader). */
  handlerSeed: number;
  finalState: FinalState;
  /** Between start and resolution. */
  waitsForCustomer: boolean;
  escalate: boolean;
  publicUpdate?: string;
  internalNote?: string;
  resolution: string;
  closeByCustomer: boolean;
  survey?: SurveySpec;
  complaint?: {
    responsibleDepartmentCode: string;
    findings: string;
    rootCause: string;
    correctiveAction: string;
    feedback: string;
    followUp?: { result: string; satisfied: boolean };
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
  SYSTEM_FAULT: ['The portal answers 502 at sign-in', 'The app crashes on start-up', 'The payment page times out', 'Nobody can log in at the Taichung branch'],
  FUNCTION_ANOMALY: ['Search finds no results for existing orders', 'Notifications arrive twice', 'The coupon is not applied at checkout', 'The report export stops at 1,000 rows'],
  DATA_ISSUE: ['The order total differs from the invoice', 'Our company appears twice in the customer list', 'Transactions are missing from the monthly statement', 'The loyalty points balance is wrong'],
  OTHER: ['The queue-ticket printer in the service hall is jammed', 'The self-service kiosk screen stays dark', 'The hold music on the hotline is distorted'],
};

const RESOLUTIONS: Record<Kind, readonly string[]> = {
  SERVICE_REQUEST: ['Done as requested; confirmation sent by e-mail.', 'Completed and checked with the customer on the phone.', 'Set up; the customer received the new credentials.'],
  FAULT: ['Root cause fixed and verified with the customer.', 'A configuration error was corrected; monitoring shows no recurrence.', 'Faulty component replaced on site; service restored.', 'Data corrected and a reconciliation report shared.'],
  CONSULTATION: ['Answered with a link to the guide and the relevant terms.', 'Explained on the phone; summary sent by e-mail.'],
  COMPLAINT: ['Apologised, refunded the difference and agreed a follow-up.', 'Explained what went wrong and what changes; compensation voucher issued.'],
  SUGGESTION: ['Thanked the customer and recorded the suggestion for the product review.', 'Passed to the product team; the customer will hear about the outcome.'],
};

const COMMENTS = {
  good: ['Quick and friendly, thank you.', 'Solved on the first call.', 'Very clear explanation.', 'The technician was excellent.'],
  bad: ['Took far too long.', 'I had to repeat my problem three times.', 'Solved, but nobody kept me informed.'],
};

const KIND_WEIGHTS: Record<Kind, number> = { SERVICE_REQUEST: 38, FAULT: 27, CONSULTATION: 20, COMPLAINT: 8, SUGGESTION: 7 };
const CATEGORY_WEIGHTS: Record<Category, number> = { SYSTEM_FAULT: 30, FUNCTION_ANOMALY: 35, DATA_ISSUE: 25, OTHER: 10 };
const FINAL_WEIGHTS: Record<FinalState, number> = {
  CLOSED: 52,
  RESOLVED: 16,
  IN_PROGRESS: 9,
  PENDING_CUSTOMER: 5,
  ASSIGNED: 5,
  ACKNOWLEDGED: 4,
  NEW: 6,
  REOPENED: 3,
};

function severity(random: Random, high: number, medium: number): Severity {
  const roll = random();
  return roll < high ? 'HIGH' : roll < high + medium ? 'MEDIUM' : 'LOW';
}

function score(random: Random, mean: number): number {
  return Math.min(5, Math.max(1, Math.round(mean + (random() - 0.5) * 2.2)));
}

export function tickets(count: number, customerCount: number, seed = 3): TicketSpec[] {
  const random = rng(seed);
  const result: TicketSpec[] = [];
  for (let index = 0; index < count; index++) {
    const kind = weighted(random, KIND_WEIGHTS);
    const category = kind === 'FAULT' ? weighted(random, CATEGORY_WEIGHTS) : undefined;
    const subject = category ? pick(random, FAULTS[category]) : pick(random, SUBJECTS[kind as Exclude<Kind, 'FAULT'>]);
    // A few customers call much more often than the rest.
    const customerIndex = Math.floor(Math.pow(random(), 1.6) * customerCount);
    const channel = weighted(random, CHANNEL_WEIGHTS);
    const finalState = weighted(random, FINAL_WEIGHTS);
    const resolved = finalState === 'RESOLVED' || finalState === 'CLOSED' || finalState === 'REOPENED';
    const departmentCode = kind === 'FAULT' ? 'TS' : kind === 'SUGGESTION' ? pick(random, ['MKT', 'PM']) : 'CS';
    const urgency =
      kind === 'FAULT' && category === 'SYSTEM_FAULT'
        ? severity(random, 0.5, 0.4)
        : kind === 'COMPLAINT'
          ? severity(random, 0.3, 0.5)
          : kind === 'CONSULTATION' || kind === 'SUGGESTION'
            ? severity(random, 0, 0.25)
            : severity(random, 0.1, 0.5);
    const impact = kind === 'FAULT' ? severity(random, 0.3, 0.4) : severity(random, 0.05, 0.35);
    const satisfactionMean = kind === 'COMPLAINT' ? 2.8 : kind === 'FAULT' ? 3.9 : 4.3;
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
      departmentCode,
      handlerSeed: Math.floor(random() * 1000),
      finalState,
      waitsForCustomer: finalState === 'PENDING_CUSTOMER' || (resolved && random() < 0.15),
      escalate: (kind === 'COMPLAINT' || urgency === 'HIGH') && random() < 0.3,
      ...(random() < 0.5 ? { publicUpdate: 'We are looking into it and will update you today.' } : {}),
      ...(random() < 0.4 ? { internalNote: 'Checked the logs; see the attached reference in the CRM.' } : {}),
      resolution: pick(random, RESOLUTIONS[kind]),
      closeByCustomer: random() < 0.6,
    };
    if (resolved && random() < 0.65) {
      const overall = score(random, satisfactionMean);
      spec.survey = {
        overall,
        quality: score(random, overall),
        efficiency: score(random, overall - 0.3),
        communication: score(random, overall),
        ...(random() < 0.5 ? { comment: pick(random, overall >= 4 ? COMMENTS.good : COMMENTS.bad) } : {}),
      };
    }
    if (kind === 'COMPLAINT') {
      spec.complaint = {
        responsibleDepartmentCode: pick(random, ['CS', 'CS', 'TS', 'MKT']),
        findings: 'Call records and the ticket history confirm the customer’s account.',
        rootCause: pick(random, ['Call-back queue not monitored at shift change', 'Booking window not shared with the field team', 'Duplicate charge from a payment retry']),
        correctiveAction: pick(random, ['Shift hand-over checklist now includes pending call-backs', 'Field schedule shared with the hotline in real time', 'Payment retries made idempotent']),
        feedback: 'We apologised and explained the corrective action.',
        ...(finalState === 'CLOSED' ? { followUp: { result: 'Customer confirmed the issue has not recurred.', satisfied: random() < 0.75 } } : {}),
      };
    }
    if (kind === 'SUGGESTION' && resolved) {
      const accepted = random() < 0.45;
      spec.suggestion = accepted
        ? { decision: 'ACCEPTED', reason: 'Planned for the next quarter’s release.' }
        : { decision: 'REJECTED', reason: 'Does not fit the current service model; kept for the annual review.' };
    }
    result.push(spec);
  }
  return result;
}
