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
