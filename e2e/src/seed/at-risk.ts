// A demo ticket at risk of missing its SLA (docs/product.md §KPI "At-risk"), so that `atRiskTickets` shows one right
// after the seed: a LOW/LOW (P4) service request taken in for Customer Service 62 hours ago and acknowledged at once,
// whose resolution is due 72 hours after opening on the 24×7 clock — 10 hours (under 20 % of its window) left. It
// stays at risk for those 10 hours; a later seed adds another when none of Customer Service's tickets is at risk.
// Sent by the importer (ADMIN, with `occurredAt`) like the rest of the ticket history.
import type { GraphClient } from '../support/graph-client';

const HOUR = 3_600_000;
/** How long ago the ticket was opened: 62 h of its 72 h P4 resolution window have passed. */
export const AT_RISK_OPENED_AGO_MS = 62 * HOUR;

export interface AtRiskSeedContext {
  readonly admin: GraphClient;
  readonly importer: GraphClient;
  /** Customer Service, whose tickets the demo's at-risk list shows. */
  readonly departmentId: string;
  readonly now: Date;
  readonly log: (message: string) => void;
}

/** Opens the at-risk ticket unless Customer Service has one; returns how many tickets it opened (0 or 1). */
export async function seedAtRiskTicket({
  admin,
  importer,
  departmentId,
  now,
  log,
}: AtRiskSeedContext): Promise<number> {
  const { atRiskTickets } = await admin.data<{ atRiskTickets: unknown[] }>(
    'query($d: ID!) { atRiskTickets(departmentId: $d) { ticketId } }',
    { d: departmentId },
  );
  if (atRiskTickets.length > 0) {
    log(`at-risk: ${atRiskTickets.length} Customer Service tickets at risk, nothing to add`);
    return 0;
  }
  // A STANDARD customer on the 24×7 clock (VIP customers have business hours), not the first one, whom the demo
  // incident affects (an incident pauses its customers' resolution clocks).
  const { customers } = await admin.data<{ customers: { edges: { node: { id: string; tier: string } }[] } }>(
    '{ customers(first: 30, filter: { text: "C-DEMO-" }) { edges { node { id tier } } } }',
  );
  const customerId = customers.edges.filter((edge) => edge.node.tier === 'STANDARD').at(-1)?.node.id;
  if (!customerId) throw new Error('at-risk: no STANDARD demo customer');
  const openedAt = new Date(now.getTime() - AT_RISK_OPENED_AGO_MS);
  const { openTicket } = await importer.data<{ openTicket: { id: string; version: number } }>(
    'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id version } }',
    {
      input: {
        kind: 'SERVICE_REQUEST',
        channel: 'EMAIL',
        subject: 'Copy of the last three invoices',
        description: 'The customer needs copies of the invoices of the last quarter for an audit.',
        urgency: 'LOW',
        impact: 'LOW',
        customerId,
        departmentId,
        occurredAt: openedAt.toISOString(),
      },
    },
  );
  const { acknowledgeTicket } = await importer.data<{
    acknowledgeTicket: { number: string; sla: { resolutionDueAt: string } };
  }>(
    'mutation($input: AcknowledgeTicketInput!) { acknowledgeTicket(input: $input) { number sla { resolutionDueAt } } }',
    {
      input: {
        ticketId: openTicket.id,
        expectedVersion: openTicket.version,
        occurredAt: new Date(openedAt.getTime() + HOUR / 2).toISOString(),
      },
    },
  );
  log(`at-risk: ${acknowledgeTicket.number} resolution due ${acknowledgeTicket.sla.resolutionDueAt}`);
  return 1;
}
