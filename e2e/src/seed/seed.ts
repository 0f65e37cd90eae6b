// Sends the demo centre of demo-data.ts through the graph (the gateway, with tokens), so every change is a real
// mutation and every event flows to the read models and KPIs. Tickets carry 90 days of history, backfilled with
// `occurredAt` (the ticket service's import facility, ADMIN only). Idempotent: what exists (by department code,
// employee number, customer code, ticket count) is not created again.
import { graphClient, GraphError, type GraphClient } from '../support/graph-client';
import { seedPerformance } from './appraisals';
import { signToken, type TokenClaims } from '../support/tokens';
import { seedAssets } from './assets';
import { seedAtRiskTicket } from './at-risk';
import {
  customers as customerSpecs,
  DEPARTMENTS,
  organisation,
  tickets as ticketSpecs,
  type CustomerSpec,
  type EmployeeSpec,
  type TicketSpec,
} from './demo-data';
import { seedIncidents } from './incidents';
import { seedKpiRules } from './kpi';
import { seedDeskConfig, seedTicketOps, seedTimeEntries } from './ticket-ops';
import { playActionStep } from './complaints';

export interface SeedOptions {
  gatewayUrl: string;
  tickets?: number;
  customers?: number;
  concurrency?: number;
  /** Demo assets (default 300). */
  assets?: number;
  /** The end of the demo history (default: the start of the run); tickets are opened over the 90 days before it. */
  now?: Date;
  log?: (message: string) => void;
}

export interface SeedResult {
  departments: number;
  employees: number;
  customers: number;
  ticketsCreated: number;
  ticketsFailed: number;
  /** FAULT tickets opened about demo assets (beyond `tickets`). */
  assetTickets: number;
  /** Tickets opened at risk of their SLA (at-risk.ts; 0 when one already was). */
  atRiskTickets: number;
  skipped: boolean;
}

interface Employee {
  id: string;
  employeeNumber: string;
  position: string;
  department: { id: string; code: string };
}

interface TicketState {
  id: string;
  version: number;
  status: string;
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
export async function pool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

const TICKET_FIELDS = 'id version status';

export class Seeder {
  private readonly tokens = new Map<string, Promise<string>>();
  private readonly clients = new Map<string, Promise<GraphClient>>();
  private readonly log: (message: string) => void;
  private departments = new Map<string, { id: string; version: number }>();
  private employees = new Map<string, Employee>();
  private customerIds: string[] = [];
  private assetTickets = 0;
  private atRiskTickets = 0;

  constructor(private readonly options: SeedOptions) {
    this.log = options.log ?? ((message) => console.log(message));
  }

  /** A client acting as the given caller (tokens are signed once per caller). */
  private as(claims: TokenClaims): Promise<GraphClient> {
    const key = JSON.stringify(claims);
    let client = this.clients.get(key);
    if (!client) {
      let token = this.tokens.get(key);
      if (!token) {
        token = signToken({
          sub: `seed-${claims.employeeId ?? claims.customerId ?? claims.role.toLowerCase()}`,
          ...claims,
        });
        this.tokens.set(key, token);
      }
      client = token.then((value) => graphClient(this.options.gatewayUrl, value));
      this.clients.set(key, client);
    }
    return client;
  }

  private admin(): Promise<GraphClient> {
    return this.as({ role: 'ADMIN' });
  }

  /** Ticket history is backfilled with `occurredAt`, which only ADMIN may send: the import of a legacy helpdesk. */
  private importer(): Promise<GraphClient> {
    return this.as({ role: 'ADMIN', sub: 'seed-import' });
  }

  private employeeClient(employee: Employee): Promise<GraphClient> {
    const role =
      employee.position === 'OPS_DIRECTOR'
        ? 'OPS_DIRECTOR'
        : employee.position === 'OPS_MANAGER'
          ? 'OPS_MANAGER'
          : employee.position === 'TECHNICIAN'
            ? 'TECHNICIAN'
            : 'AGENT';
    return this.as({ role, employeeId: employee.id, departmentId: employee.department.id });
  }

  async run(): Promise<SeedResult> {
    const target = this.options.tickets ?? 2_000;
    const admin = await this.admin();
    const existing = await admin.data<{ tickets: { totalCount: number } }>(
      '{ tickets(first: 1) { totalCount } }',
    );
    await this.seedOrganisation();
    await this.seedCustomers();
    await seedKpiRules({ client: admin, log: this.log });
    this.assetTickets = await seedAssets({
      admin,
      importer: await this.importer(),
      employees: [...this.employees.values()],
      customerIds: this.customerIds,
      now: this.options.now ?? new Date(),
      count: this.options.assets,
      concurrency: this.options.concurrency ?? 8,
      pool,
      log: this.log,
    });
    await seedTicketOps({
      admin,
      approver: await this.as({ role: 'OPS_DIRECTOR' }),
      departmentId: (code) => this.departments.get(code)!.id,
      log: this.log,
    });
    const missing = target - existing.tickets.totalCount;
    if (missing <= 0) {
      this.log(`tickets: ${existing.tickets.totalCount} present, nothing to add`);
      await seedTimeEntries(await this.as({ role: 'OPS_MANAGER' }), this.log);
      await this.seedEmergencies();
      await this.seedDeskConfig();
      return this.result(0, 0, true);
    }
    const now = this.options.now ?? new Date();
    const specs = ticketSpecs(target, this.customerIds.length, undefined, now).slice(
      existing.tickets.totalCount,
    );
    const { created, failed } = await this.seedTickets(specs);
    await seedTimeEntries(await this.as({ role: 'OPS_MANAGER' }), this.log);
    await this.seedRevisits();
    await this.seedEmergencies();
    await seedPerformance({
      admin,
      clientOf: (e) => this.employeeClient(e),
      employees: [...this.employees.values()],
      departmentId: (code) => this.departments.get(code)!.id,
      now,
      log: this.log,
    });
    await this.seedDeskConfig();
    return this.result(created, failed, false);
  }

  /** Last: the routing rules then route only tickets opened after the scripted history. */
  private async seedDeskConfig(): Promise<void> {
    await seedDeskConfig({
      admin: await this.admin(),
      departmentId: (code) => this.departments.get(code)!.id,
      log: this.log,
    });
  }

  /**
   * After the tickets, so that the first incident's fan-out finds open tickets of the customers it affects; then a
   * ticket at risk of its SLA when none is (at-risk.ts).
   */
  private async seedEmergencies(): Promise<void> {
    const client = await this.admin();
    await seedIncidents({
      client,
      employees: [...this.employees.values()],
      now: this.options.now ?? new Date(),
      log: this.log,
    });
    this.atRiskTickets += await seedAtRiskTicket({
      admin: client,
      importer: await this.importer(),
      departmentId: this.departments.get('CS')!.id,
      now: new Date(),
      log: this.log,
    });
  }

  private result(ticketsCreated: number, ticketsFailed: number, skipped: boolean): SeedResult {
    return {
      departments: this.departments.size,
      employees: this.employees.size,
      customers: this.customerIds.length,
      ticketsCreated,
      ticketsFailed,
      assetTickets: this.assetTickets,
      atRiskTickets: this.atRiskTickets,
      skipped,
    };
  }

  // ---- organisation ---------------------------------------------------------------------------------------------

  private async loadOrganisation(): Promise<void> {
    const admin = await this.admin();
    const { departments } = await admin.data<{
      departments: {
        id: string;
        code: string;
        version: number;
        children: { id: string; code: string; version: number }[];
      }[];
    }>('{ departments { id code version children { id code version } } }');
    this.departments = new Map();
    for (const department of departments) {
      this.departments.set(department.code, { id: department.id, version: department.version });
      for (const child of department.children)
        this.departments.set(child.code, { id: child.id, version: child.version });
    }
    this.employees = new Map();
    let after: string | null = null;
    for (;;) {
      const page: {
        employees: {
          edges: { node: Employee }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await admin.data(
        `query ($after: String) { employees(first: 100, after: $after) {
           edges { node { id employeeNumber position department { id code } } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      for (const { node } of page.employees.edges) this.employees.set(node.employeeNumber, node);
      if (!page.employees.pageInfo.hasNextPage) break;
      after = page.employees.pageInfo.endCursor;
    }
  }

  private async seedOrganisation(): Promise<void> {
    await this.loadOrganisation();
    const admin = await this.admin();
    let createdDepartments = 0;
    for (const spec of DEPARTMENTS) {
      if (this.departments.has(spec.code)) continue;
      const { createDepartment } = await admin.data<{ createDepartment: { id: string; version: number } }>(
        'mutation ($input: CreateDepartmentInput!) { createDepartment(input: $input) { id version } }',
        {
          input: {
            code: spec.code,
            name: spec.name,
            parentId: spec.parentCode ? this.departments.get(spec.parentCode)?.id : null,
          },
        },
      );
      this.departments.set(spec.code, createDepartment);
      createdDepartments += 1;
    }
    const people = organisation();
    let hired = 0;
    // Managers first (each becomes its department's manager), so that staff get their line manager by default.
    for (const spec of people) {
      if (this.employees.has(spec.employeeNumber)) continue;
      const director = people[0].manages === 'OPS' ? this.employees.get(people[0].employeeNumber) : undefined;
      await this.hire(spec, spec.manages && spec.manages !== 'OPS' ? director?.id : undefined);
      hired += 1;
    }
    this.log(
      `organisation: ${this.departments.size} departments (${createdDepartments} new), ${this.employees.size} employees (${hired} new)`,
    );
  }

  private async hire(spec: EmployeeSpec, managerId: string | undefined): Promise<void> {
    const admin = await this.admin();
    const department = this.departments.get(spec.departmentCode)!;
    const input: Record<string, unknown> = {
      employeeNumber: spec.employeeNumber,
      name: spec.name,
      position: spec.position,
      departmentId: department.id,
      hireDate: spec.hireDate,
    };
    if (spec.manages) input.managerId = managerId ?? null;
    const { hireEmployee } = await admin.data<{ hireEmployee: Employee }>(
      `mutation ($input: HireEmployeeInput!) { hireEmployee(input: $input) {
         id employeeNumber position department { id code } } }`,
      { input },
    );
    this.employees.set(spec.employeeNumber, hireEmployee);
    if (spec.manages) {
      const managed = this.departments.get(spec.manages)!;
      const { updateDepartment } = await admin.data<{ updateDepartment: { id: string; version: number } }>(
        'mutation ($input: UpdateDepartmentInput!) { updateDepartment(input: $input) { id version } }',
        { input: { id: managed.id, expectedVersion: managed.version, managerId: hireEmployee.id } },
      );
      this.departments.set(spec.manages, updateDepartment);
    }
  }

  private staff(departmentCode: string, positions?: string[]): Employee[] {
    return [...this.employees.values()].filter(
      (employee) =>
        employee.department.code === departmentCode &&
        employee.position !== 'OPS_MANAGER' &&
        (!positions || positions.includes(employee.position)),
    );
  }

  private manager(departmentCode: string): Employee {
    const manager = [...this.employees.values()].find(
      (employee) =>
        employee.department.code === departmentCode &&
        ['OPS_MANAGER', 'OPS_DIRECTOR'].includes(employee.position),
    );
    if (!manager) throw new Error(`department ${departmentCode} has no manager`);
    return manager;
  }

  // ---- customers ------------------------------------------------------------------------------------------------

  private async seedCustomers(): Promise<void> {
    const admin = await this.admin();
    const specs = customerSpecs(this.options.customers ?? 200);
    const byCode = new Map<string, string>();
    let after: string | null = null;
    for (;;) {
      const page: {
        customers: {
          edges: { node: { id: string; code: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await admin.data(
        `query ($after: String) { customers(first: 100, after: $after, filter: { text: "C-DEMO-" }, orderBy: CODE) {
           edges { node { id code } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      for (const { node } of page.customers.edges) byCode.set(node.code, node.id);
      if (!page.customers.pageInfo.hasNextPage) break;
      after = page.customers.pageInfo.endCursor;
    }
    const missing = specs.filter((spec) => !byCode.has(spec.code));
    await pool(missing, this.options.concurrency ?? 8, async (spec: CustomerSpec) => {
      const { registerCustomer } = await admin.data<{ registerCustomer: { id: string } }>(
        'mutation ($input: RegisterCustomerInput!) { registerCustomer(input: $input) { id } }',
        { input: spec },
      );
      byCode.set(spec.code, registerCustomer.id);
    });
    this.customerIds = specs.map((spec) => byCode.get(spec.code)!);
    this.log(`customers: ${this.customerIds.length} (${missing.length} new)`);
  }

  private async seedRevisits(): Promise<void> {
    const specs = customerSpecs(this.options.customers ?? 200);
    const eligible = specs
      .map((spec, index) => ({ spec, id: this.customerIds[index] }))
      .filter(({ spec }) => spec.tier !== 'STANDARD' && spec.consents.revisits)
      .slice(0, 16);
    const manager = await this.employeeClient(this.manager('CS'));
    const agents = this.staff('CS');
    let done = 0;
    for (const [index, { id }] of eligible.entries()) {
      const assignee = agents[index % agents.length];
      try {
        const { customer } = await manager.data<{ customer: { revisits: { totalCount: number } } }>(
          'query ($id: ID!) { customer(id: $id) { revisits(first: 1) { totalCount } } }',
          { id },
        );
        if (customer.revisits.totalCount > 0) continue;
        const { scheduleRevisit } = await manager.data<{ scheduleRevisit: { id: string; version: number } }>(
          'mutation ($input: ScheduleRevisitInput!) { scheduleRevisit(input: $input) { id version } }',
          {
            input: {
              customerId: id,
              dueAt: new Date(Date.now() + (index % 2 ? 7 : 1) * 86_400_000).toISOString(),
              assigneeEmployeeId: assignee.id,
              purpose: 'Quarterly care visit: review open issues and satisfaction',
            },
          },
        );
        if (index % 3 === 0) {
          await manager.data(
            'mutation ($input: RecordRevisitOutcomeInput!) { recordRevisitOutcome(input: $input) { id } }',
            {
              input: {
                revisitId: scheduleRevisit.id,
                expectedVersion: scheduleRevisit.version,
                revisitedAt: new Date().toISOString(),
                channel: 'PHONE',
                outcome: 'Customer is content with the service; asked for the new price list.',
                satisfied: true,
              },
            },
          );
        }
        done += 1;
      } catch (error) {
        this.log(`revisit for customer ${id} skipped: ${(error as Error).message}`);
      }
    }
    this.log(`revisits: ${done} scheduled (${eligible.length - done} already had theirs)`);
  }

  // ---- tickets --------------------------------------------------------------------------------------------------

  private async seedTickets(specs: TicketSpec[]): Promise<{ created: number; failed: number }> {
    let created = 0;
    let failed = 0;
    const started = Date.now();
    const reportEvery = Math.max(50, Math.floor(specs.length / 10));
    await pool(specs, this.options.concurrency ?? 8, async (spec) => {
      try {
        await this.playTicket(spec);
        created += 1;
      } catch (error) {
        failed += 1;
        if (failed <= 10)
          this.log(
            `ticket #${spec.index} (${spec.kind} → ${spec.finalState}) failed: ${(error as Error).message}`,
          );
      }
      const total = created + failed;
      if (total % reportEvery === 0) {
        this.log(
          `tickets: ${total}/${specs.length} (${Math.round(total / ((Date.now() - started) / 1000))}/s)`,
        );
      }
    });
    this.log(
      `tickets: ${created} created, ${failed} failed in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    return { created, failed };
  }

  /**
   * One ticket's life as it happened (demo-data.ts): every change at its moment, sent by the importer (ADMIN) with
   * `occurredAt`, so that SLA clocks, breaches, KPIs and histories come out as if the centre had been running.
   */
  private async playTicket(spec: TicketSpec): Promise<void> {
    const customerId = this.customerIds[spec.customerIndex];
    const handlers = this.staff(spec.departmentCode);
    const handler =
      spec.kind === 'COMPLAINT' && spec.handlerSeed % 3 === 0
        ? this.manager('CS')
        : handlers[spec.handlerSeed % handlers.length];
    const importer = await this.importer();

    const openInput: Record<string, unknown> = {
      kind: spec.kind,
      channel: spec.channel,
      subject: spec.subject,
      description: spec.description,
      urgency: spec.urgency,
      impact: spec.impact,
      customerId,
      occurredAt: spec.openedAt,
      ...(spec.category ? { category: spec.category } : {}),
      // Self-service tickets arrive unrouted; agents take calls for Customer Service.
      ...(spec.selfService ? {} : { departmentId: this.departments.get('CS')!.id }),
    };
    const opened = await importer.data<{ openTicket: TicketState }>(
      `mutation ($input: OpenTicketInput!) { openTicket(input: $input) { ${TICKET_FIELDS} } }`,
      { input: openInput },
    );
    let ticket = opened.openTicket;
    const change = async (mutation: string, at: string, input: Record<string, unknown> = {}, fields = '') => {
      const inputType = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
      const reply = await importer.data<Record<string, TicketState & Record<string, unknown>>>(
        `mutation ($input: ${inputType}!) { result: ${mutation}(input: $input) { ${TICKET_FIELDS} ${fields} } }`,
        { input: { ticketId: ticket.id, expectedVersion: ticket.version, occurredAt: at, ...input } },
      );
      ticket = reply.result;
      return reply.result;
    };
    const responsible =
      spec.complaint && this.staff(spec.complaint.responsibleDepartmentCode)[spec.handlerSeed % 3];
    let actionId: string | null = null;

    for (const { action, at } of spec.steps) {
      switch (action) {
        case 'ACKNOWLEDGE':
          await change('acknowledgeTicket', at);
          break;
        case 'ASSIGN':
          await change('assignTicket', at, {
            assigneeId: handler.id,
            departmentId: this.departments.get(handler.department.code)!.id,
          });
          break;
        case 'ESCALATE':
          await change('escalateTicket', at, { reason: 'Customer impact is wider than first reported' });
          break;
        case 'START_WORK':
          await change('startTicketWork', at);
          break;
        case 'PUBLIC_UPDATE':
          await change('addTicketProgress', at, { visibility: 'PUBLIC', body: spec.publicUpdate });
          break;
        case 'INTERNAL_NOTE':
          await change('addTicketProgress', at, { visibility: 'INTERNAL', body: spec.internalNote });
          break;
        case 'INVESTIGATE': {
          const complaint = spec.complaint!;
          await change('recordComplaintInvestigation', at, {
            findings: complaint.findings,
            rootCause: complaint.rootCause,
            responsibleDepartmentId: this.departments.get(complaint.responsibleDepartmentCode)!.id,
            responsibleEmployeeId: responsible?.id ?? null,
            correctiveAction: complaint.correctiveAction,
            correctiveActionDueAt: new Date(Date.parse(at) + 14 * 86_400_000).toISOString(),
            feedbackToComplainant: complaint.feedback,
          });
          break;
        }
        case 'AWAIT_CUSTOMER':
          await change('awaitCustomer', at, {
            reason: 'Please confirm the order number and a convenient time',
          });
          break;
        case 'CUSTOMER_RESPONDED':
          await change('recordCustomerResponse', at, { note: 'Customer sent the details' });
          break;
        case 'REVIEW_SUGGESTION':
          await change('reviewSuggestion', at, { ...spec.suggestion! });
          break;
        case 'RESOLVE':
          await change('resolveTicket', at, { resolutionSummary: spec.resolution });
          break;
        case 'SURVEY':
          await change('submitTicketSurvey', at, { ...spec.survey! });
          break;
        case 'CLOSE':
          await change('closeTicket', at, { reason: spec.closeByCustomer ? 'CUSTOMER_CONFIRMED' : 'AGENT' });
          break;
        case 'REOPEN':
          await change('reopenTicket', at, { reason: 'The problem came back the next day' });
          break;
        case 'FOLLOW_UP':
          await change('recordComplaintFollowUp', at, { followUpAt: at, ...spec.complaint!.followUp });
          break;
        case 'CREDIT_PRAISE':
          await change('creditPraise', at, { employeeIds: [handler.id] });
          break;
        case 'ADD_ACTION':
        case 'COMPLETE_ACTION':
        case 'REJECT_ACTION':
        case 'VERIFY_ACTION':
          actionId = await playActionStep(action, {
            at,
            ownerId: responsible?.id ?? handler.id,
            correctiveAction: spec.complaint!.correctiveAction,
            actionId,
            send: async (mutation, input) => {
              const changed = await change(mutation, at, input, 'correctiveActions { id }');
              return (changed.correctiveActions as { id: string }[]).map((a) => a.id);
            },
          });
          break;
      }
    }
    if (ticket.status !== spec.finalState) {
      throw new Error(`ticket ${ticket.id} ended ${ticket.status}, expected ${spec.finalState}`);
    }
  }
}

export async function seed(options: SeedOptions): Promise<SeedResult> {
  return new Seeder(options).run();
}

export { GraphError };
