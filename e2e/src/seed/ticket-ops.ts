// Demo SLA calendars (docs/product.md §12.1): the service desk's Shanghai business hours with the 2026 public
// holidays, assigned to Technical Support and to VIP customers; a 24×7 P1 stays on the continuous clock. Idempotent:
// calendars that exist (by name) are left alone.
import type { GraphClient } from '../support/graph-client';

export interface TicketOpsSeedContext {
  readonly admin: GraphClient;
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

export async function seedTicketOps({ admin, departmentId, log }: TicketOpsSeedContext): Promise<void> {
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
}
