// Demo SLA calendars (docs/product.md §12.1): the service desk's Shanghai business hours with the 2026 public
// holidays, assigned to Technical Support and to VIP customers; a 24×7 P1 stays on the continuous clock. Demo
// knowledge articles (§12.6), written by the admin and approved by the director. Idempotent: calendars and articles
// that exist (by name, by title) are left alone.
import { KNOWLEDGE_DEMO_ARTICLES } from '@opsgraph/testing';
import type { GraphClient } from '../support/graph-client';

export interface TicketOpsSeedContext {
  readonly admin: GraphClient;
  /** Approves the demo articles (the writer of a revision never approves it). */
  readonly approver: GraphClient;
  readonly departmentId: (code: string) => string;
  readonly log: (message: string) => void;
}

const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI'];

const SHANGHAI_HOLIDAYS = [
  { date: '01-01', name: '元旦 New Year' },
  { date: '2026-02-16', name: '春節 Spring Festival' },
  { date: '2026-02-17', name: '春節 Spring Festival' },
  { date: '2026-02-18', name: '春節 Spring Festival' },
  { date: '2026-04-06', name: '清明節 Qingming' },
  { date: '05-01', name: '勞動節 Labour Day' },
  { date: '2026-06-19', name: '端午節 Dragon Boat' },
  { date: '2026-09-25', name: '中秋節 Mid-Autumn' },
  { date: '10-01', name: '國慶節 National Day' },
  { date: '10-02', name: '國慶節 National Day' },
  { date: '10-03', name: '國慶節 National Day' },
];

export async function seedTicketOps({
  admin,
  approver,
  departmentId,
  log,
}: TicketOpsSeedContext): Promise<void> {
  const { slaCalendars } = await admin.data<{ slaCalendars: { name: string }[] }>(
    '{ slaCalendars { name } }',
  );
  const present = new Set(slaCalendars.map((calendar) => calendar.name));
  const calendars = [
    {
      name: '技術支援 Technical Support (Shanghai office hours)',
      timeZone: 'Asia/Shanghai',
      hours: WEEKDAYS.flatMap((weekday) => [
        { weekday, from: '09:00', to: '12:00' },
        { weekday, from: '13:00', to: '18:00' },
      ]),
      holidays: SHANGHAI_HOLIDAYS,
      assignments: [{ scope: 'DEPARTMENT', key: departmentId('TS') }],
    },
    {
      name: 'VIP service (Shanghai, extended hours incl. Saturday)',
      timeZone: 'Asia/Shanghai',
      hours: [...WEEKDAYS, 'SAT'].map((weekday) => ({ weekday, from: '08:00', to: '22:00' })),
      holidays: SHANGHAI_HOLIDAYS.filter(
        (holiday) => holiday.date.startsWith('10-0') || holiday.date === '01-01',
      ),
      assignments: [{ scope: 'CUSTOMER_TIER', key: 'VIP' }],
    },
  ];
  const missing = calendars.filter((calendar) => !present.has(calendar.name));
  for (const input of missing) {
    await admin.data(
      'mutation ($input: DefineSlaCalendarInput!) { defineSlaCalendar(input: $input) { id } }',
      {
        input,
      },
    );
  }
  log(`sla calendars: ${missing.length} added`);
  await seedKnowledge(admin, approver, log);
}

type Article = { id: string; version: number };

async function seedKnowledge(
  admin: GraphClient,
  approver: GraphClient,
  log: (message: string) => void,
): Promise<void> {
  const { knowledgeArticles } = await admin.data<{
    knowledgeArticles: { edges: { node: { title: string } }[] };
  }>('{ knowledgeArticles(first: 100) { edges { node { title } } } }');
  const present = new Set(knowledgeArticles.edges.map((edge) => edge.node.title));
  const missing = KNOWLEDGE_DEMO_ARTICLES.filter((article) => !present.has(article.title));
  for (const { key: _key, ...content } of missing) {
    const { draftKnowledgeArticle: drafted } = await admin.data<{ draftKnowledgeArticle: Article }>(
      'mutation ($input: DraftKnowledgeArticleInput!) { draftKnowledgeArticle(input: $input) { id version } }',
      { input: content },
    );
    const { submitKnowledgeArticle: submitted } = await admin.data<{ submitKnowledgeArticle: Article }>(
      'mutation ($input: KnowledgeArticleRefInput!) { submitKnowledgeArticle(input: $input) { id version } }',
      { input: { articleId: drafted.id, expectedVersion: drafted.version } },
    );
    await approver.data(
      'mutation ($input: KnowledgeArticleRefInput!) { approveKnowledgeArticle(input: $input) { id } }',
      { input: { articleId: submitted.id, expectedVersion: submitted.version } },
    );
  }
  log(`knowledge articles: ${missing.length} added and published`);
}

/** How many resolved demo tickets get worklogs (§12.7): enough for the reports, few enough to keep seeding fast. */
const TIME_TRACKED_TICKETS = 30;

/**
 * Demo worklogs (docs/product.md §12.7): on the most recent resolved or closed tickets with an assignee, a manager
 * logs the assignee's diagnosis and their on-site or remote work (plus travel for on-site work) on the day the ticket
 * was opened. Idempotent: tickets that already have time are left alone; a refusal (e.g. an employee who left) is
 * counted, not fatal.
 */
export async function seedTimeEntries(manager: GraphClient, log: (message: string) => void): Promise<void> {
  const { tickets } = await manager.data<{
    tickets: {
      edges: {
        node: {
          id: string;
          createdAt: string;
          assignee: { id: string } | null;
          timeSpent: { totalMinutes: number } | null;
        };
      }[];
    };
  }>(
    `{ tickets(first: ${TIME_TRACKED_TICKETS}, filter: { status: [RESOLVED, CLOSED] }) {
       edges { node { id createdAt assignee { id } timeSpent { totalMinutes } } } } }`,
  );
  let logged = 0;
  let refused = 0;
  for (const [index, { node }] of tickets.edges.entries()) {
    if (node.assignee === null || (node.timeSpent?.totalMinutes ?? 0) > 0) continue;
    const workedOn = node.createdAt.slice(0, 10);
    const onSite = index % 3 === 0;
    const entries = [
      { activity: 'DIAGNOSIS', minutes: 15 + ((index * 7) % 46) },
      { activity: onSite ? 'ON_SITE' : 'REMOTE', minutes: 30 + ((index * 13) % 91) },
      ...(onSite ? [{ activity: 'TRAVEL', minutes: 20 + ((index * 5) % 41) }] : []),
    ];
    for (const entry of entries) {
      try {
        await manager.data('mutation ($input: LogTimeInput!) { logTime(input: $input) { id } }', {
          input: { ticketId: node.id, employeeId: node.assignee.id, workedOn, ...entry },
        });
        logged++;
      } catch {
        refused++;
      }
    }
  }
  log(`time entries: ${logged} logged${refused > 0 ? `, ${refused} refused` : ''}`);
}

/**
 * Demo desk configuration (docs/product.md §12.3–12.5), seeded after the ticket history so that the history stays as
 * scripted and the rules route only tickets opened from then on: routing rules (by kind and fault category, by asset
 * category, by customer tier), canned replies per department with variables, and links between seeded tickets.
 * Idempotent: rules and replies that exist (by name, by title) and tickets already linked are left alone.
 */
export async function seedDeskConfig({
  admin,
  departmentId,
  log,
}: Omit<TicketOpsSeedContext, 'approver'>): Promise<void> {
  const { routingRules } = await admin.data<{ routingRules: { name: string }[] }>(
    '{ routingRules { name } }',
  );
  const rulesPresent = new Set(routingRules.map((rule) => rule.name));
  const rules = [
    {
      name: 'VIP faults → Technical Support by load',
      position: 10,
      kinds: ['FAULT'],
      tiers: ['VIP'],
      departmentId: departmentId('TS'),
      strategy: 'LOAD_BASED',
      maxLoad: 12,
    },
    {
      name: 'Server and network faults → Technical Support in turn',
      position: 20,
      kinds: ['FAULT'],
      assetCategories: ['SERVER', 'NETWORK', 'POWER'],
      departmentId: departmentId('TS'),
      strategy: 'ROUND_ROBIN',
    },
    {
      name: 'Data issues → Data Analysis',
      position: 30,
      kinds: ['FAULT'],
      categories: ['DATA_ISSUE'],
      departmentId: departmentId('DA'),
      strategy: 'ROUND_ROBIN',
    },
    {
      name: 'Everything else → Customer Service by load',
      position: 1000,
      departmentId: departmentId('CS'),
      strategy: 'LOAD_BASED',
      maxLoad: 20,
    },
  ].filter((rule) => !rulesPresent.has(rule.name));
  for (const input of rules) {
    await admin.data(
      'mutation ($input: DefineRoutingRuleInput!) { defineRoutingRule(input: $input) { id } }',
      {
        input,
      },
    );
  }
  log(`routing rules: ${rules.length} added`);

  const { cannedReplies } = await admin.data<{ cannedReplies: { title: string }[] }>(
    '{ cannedReplies { title } }',
  );
  const repliesPresent = new Set(cannedReplies.map((reply) => reply.title));
  const replies = [
    {
      title: '受理確認 Request received',
      departmentId: null,
      body:
        '{{customer.name}} 您好，您的工單 {{ticket.number}}（{{ticket.subject}}）已受理，我們將於 {{ticket.dueAt}} 前處理完畢。\n' +
        'Dear {{customer.name}}, we have received {{ticket.number}} ({{ticket.subject}}) and will resolve it by ' +
        '{{ticket.dueAt}}.',
    },
    {
      title: '等待客戶資料 Waiting for your details',
      departmentId: departmentId('CS'),
      body:
        'Dear {{customer.name}}, to continue with {{ticket.number}} we need a screenshot and the time the problem ' +
        'occurred. The clock is paused until we hear from you.',
    },
    {
      title: '工程師上門 Technician on the way',
      departmentId: departmentId('TS'),
      body:
        'Dear {{customer.name}}, a technician is on the way for {{ticket.number}} ({{ticket.subject}}); the fault ' +
        'will be fixed by {{ticket.dueAt}}.',
    },
    {
      title: '數據核對中 Checking the data',
      departmentId: departmentId('DA'),
      body: 'Dear {{customer.name}}, our analysts are checking the data behind {{ticket.number}}.',
    },
  ].filter((reply) => !repliesPresent.has(reply.title));
  for (const input of replies) {
    await admin.data(
      'mutation ($input: DefineCannedReplyInput!) { defineCannedReply(input: $input) { id } }',
      {
        input,
      },
    );
  }
  log(`canned replies: ${replies.length} added`);

  await seedLinks(admin, log);
}

type LinkedTicket = { id: string; version: number; links: { ticketId: string }[] };

/** A problem ticket over two faults it caused (PARENT_OF), and a related pair of consultations. */
async function seedLinks(admin: GraphClient, log: (message: string) => void): Promise<void> {
  const ticketsOf = async (kind: string) =>
    (
      await admin.data<{ tickets: { edges: { node: LinkedTicket }[] } }>(
        `query ($kind: [TicketKind!]) {
           tickets(first: 3, filter: { kind: $kind }) { edges { node { id version links { ticketId } } } } }`,
        { kind: [kind] },
      )
    ).tickets.edges.map((edge) => edge.node);
  const link = (from: LinkedTicket, to: LinkedTicket, kind: string) =>
    admin.data<{ linkTickets: LinkedTicket }>(
      `mutation ($input: LinkTicketsInput!) { linkTickets(input: $input) { id version links { ticketId } } }`,
      { input: { ticketId: from.id, expectedVersion: from.version, otherTicketId: to.id, kind } },
    );
  let added = 0;
  const [parent, ...children] = await ticketsOf('FAULT');
  if (parent && parent.links.length === 0 && children.every((child) => child.links.length === 0)) {
    let current = parent;
    for (const child of children) {
      current = (await link(current, child, 'PARENT_OF')).linkTickets;
      added += 1;
    }
  }
  const [question, similar] = await ticketsOf('CONSULTATION');
  if (question && similar && question.links.length === 0 && similar.links.length === 0) {
    await link(question, similar, 'RELATED');
    added += 1;
  }
  log(`ticket links: ${added} added`);
}
