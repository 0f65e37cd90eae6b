// Ids, callers and GraphQL documents the integration suites share.
import { randomUUID } from 'node:crypto';
import type { Claims, TicketHarness } from './ticket-harness';

export const ids = {
  customerA: randomUUID(),
  customerB: randomUUID(),
  serviceDesk: randomUUID(),
  fieldTech: randomUUID(),
  agentEmployee: randomUUID(),
  techEmployee: randomUUID(),
};

export const as = {
  manager: { role: 'OPS_MANAGER' } as Claims,
  director: { role: 'OPS_DIRECTOR' } as Claims,
  admin: { role: 'ADMIN' } as Claims,
  analyst: { role: 'ANALYST' } as Claims,
  hr: { role: 'HR' } as Claims,
  agent: { role: 'AGENT', departmentId: ids.serviceDesk, employeeId: ids.agentEmployee } as Claims,
  technician: { role: 'TECHNICIAN', departmentId: ids.fieldTech, employeeId: ids.techEmployee } as Claims,
  customerA: { role: 'CUSTOMER', customerId: ids.customerA } as Claims,
  customerB: { role: 'CUSTOMER', customerId: ids.customerB } as Claims,
};

export const TICKET_FIELDS = `
  id number kind category channel subject priority status version escalationLevel reopenCount
  acknowledgedAt resolvedAt closedAt closeReason resolutionSummary createdAt
  customer { id } assignee { id } department { id } collaboratingDepartments { id }
  contact { name phone email }
  sla { responseDueAt resolutionDueAt paused pausedSeconds responseBreachedAt resolutionBreachedAt breached }
  availableCommands`;

export interface TicketView {
  id: string;
  number: string;
  kind: string;
  category: string | null;
  channel: string;
  subject: string;
  priority: string;
  status: string;
  version: number;
  escalationLevel: number;
  reopenCount: number;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  closeReason: string | null;
  resolutionSummary: string | null;
  createdAt: string;
  customer: { id: string };
  assignee: { id: string } | null;
  department: { id: string } | null;
  collaboratingDepartments: { id: string }[];
  contact: { name: string | null; phone: string | null; email: string | null };
  sla: {
    responseDueAt: string;
    resolutionDueAt: string;
    paused: boolean;
    pausedSeconds: number;
    responseBreachedAt: string | null;
    resolutionBreachedAt: string | null;
    breached: boolean;
  };
  availableCommands: string[];
}

export const OPEN_TICKET = `mutation Open($input: OpenTicketInput!) { openTicket(input: $input) { ${TICKET_FIELDS} } }`;

export function openInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'FAULT',
    category: 'SYSTEM_FAULT',
    channel: 'PHONE',
    subject: 'Invoices page shows an error',
    description: 'Since this morning the invoices page answers with an error.',
    customerId: ids.customerA,
    contact: { name: 'Li Wei', phone: '+86 10 1234 5678', email: 'li.wei@example.com' },
    urgency: 'HIGH',
    impact: 'MEDIUM',
    departmentId: ids.serviceDesk,
    ...overrides,
  };
}

export async function openTicket(
  harness: TicketHarness,
  overrides: Record<string, unknown> = {},
  claims: Claims = as.agent,
): Promise<TicketView> {
  const { openTicket: ticket } = await harness.data<{ openTicket: TicketView }>(
    OPEN_TICKET,
    { input: openInput(overrides) },
    claims,
  );
  return ticket;
}

/** Runs a ticket mutation `name(input: $input)` and returns the changed ticket. */
export function mutation(name: string, inputType: string): string {
  return `mutation Change($input: ${inputType}!) { ${name}(input: $input) { ${TICKET_FIELDS} } }`;
}

export async function change(
  harness: TicketHarness,
  name: string,
  inputType: string,
  input: Record<string, unknown>,
  claims: Claims = as.manager,
): Promise<TicketView> {
  const data = await harness.data<Record<string, TicketView>>(mutation(name, inputType), { input }, claims);
  return data[name];
}
