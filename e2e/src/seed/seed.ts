// Sends the demo centre of demo-data.ts through the graph (the gateway, with tokens), so every change is a real
// mutation and every event flows to the read models and KPIs. Idempotent: what exists (by department code, employee
// number, customer code, ticket count) is not created again.
import { graphClient, GraphError, type GraphClient } from '../support/graph-client';
import { signToken, type TokenClaims } from '../support/tokens';
import {
  customers as customerSpecs,
  DEPARTMENTS,
  organisation,
  tickets as ticketSpecs,
  type CustomerSpec,
  type EmployeeSpec,
  type TicketSpec,
} from './demo-data';

export interface SeedOptions {
  gatewayUrl: string;
  tickets?: number;
  customers?: number;
  concurrency?: number;
  log?: (message: string) => void;
}

export interface SeedResult {
  departments: number;
  employees: number;
  customers: number;
  ticketsCreated: number;
  ticketsFailed: number;
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
export async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
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
        token = signToken({ sub: `seed-${claims.employeeId ?? claims.customerId ?? claims.role.toLowerCase()}`, ...claims });
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

  private customerClient(customerId: string): Promise<GraphClient> {
    return this.as({ role: 'CUSTOMER', customerId });
  }

  async run(): Promise<SeedResult> {
    const target = this.options.tickets ?? 2_000;
    const admin = await this.admin();
    const existing = await admin.data<{ tickets: { totalCount: number } }>('{ tickets(first: 1) { totalCount } }');
    await this.seedOrganisation();
    await this.seedCustomers();
    const missing = target - existing.tickets.totalCount;
    if (missing <= 0) {
      this.log(`tickets: ${existing.tickets.totalCount} present, nothing to add`);
      return this.result(0, 0, true);
    }
    const specs = ticketSpecs(target, this.customerIds.length).slice(existing.tickets.totalCount);
    const { created, failed } = await this.seedTickets(specs);
    await this.seedRevisits();
    return this.result(created, failed, false);
  }

  private result(ticketsCreated: number, ticketsFailed: number, skipped: boolean): SeedResult {
    return {
      departments: this.departments.size,
      employees: this.employees.size,
      customers: this.customerIds.length,
      ticketsCreated,
      ticketsFailed,
      skipped,
    };
  }

  // ---- organisation ---------------------------------------------------------------------------------------------

  private async loadOrganisation(): Promise<void> {
    const admin = await this.admin();
    const { departments } = await admin.data<{
      departments: { id: string; code: string; version: number; children: { id: string; code: string; version: number }[] }[];
    }>('{ departments { id code version children { id code version } } }');
    this.departments = new Map();
    for (const department of departments) {
      this.departments.set(department.code, { id: department.id, version: department.version });
      for (const child of department.children) this.departments.set(child.code, { id: child.id, version: child.version });
    }
    this.employees = new Map();
    let after: string | null = null;
    for (;;) {
      const page: {
        employees: { edges: { node: Employee }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
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
        { input: { code: spec.code, name: spec.name, parentId: spec.parentCode ? this.departments.get(spec.parentCode)?.id : null } },
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
      (employee) => employee.department.code === departmentCode && ['OPS_MANAGER', 'OPS_DIRECTOR'].includes(employee.position),
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
        customers: { edges: { node: { id: string; code: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
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
          await manager.data('mutation ($input: RecordRevisitOutcomeInput!) { recordRevisitOutcome(input: $input) { id } }', {
            input: {
              revisitId: scheduleRevisit.id,
              expectedVersion: scheduleRevisit.version,
              revisitedAt: new Date().toISOString(),
              channel: 'PHONE',
              outcome: 'Customer is content with the service; asked for the new price list.',
              satisfied: true,
            },
          });
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
        if (failed <= 10) this.log(`ticket #${spec.index} (${spec.kind} → ${spec.finalState}) failed: ${(error as Error).message}`);
      }
      const total = created + failed;
      if (total % reportEvery === 0) {
        this.log(`tickets: ${total}/${specs.length} (${Math.round(total / ((Date.now() - started) / 1000))}/s)`);
      }
    });
    this.log(`tickets: ${created} created, ${failed} failed in ${Math.round((Date.now() - started) / 1000)} s`);
    return { created, failed };
  }

  /** One ticket from intake to its final state, each step by the person who would do it. */
  private async playTicket(spec: TicketSpec): Promise<void> {
    const customerId = this.customerIds[spec.customerIndex];
    const intakeAgents = this.staff('CS', ['CS_SPECIALIST']);
    const intake = intakeAgents[spec.handlerSeed % intakeAgents.length];
    const dispatcher = spec.selfService ? this.manager('CS') : intake;
    const handlers = this.staff(spec.departmentCode);
    const handler = spec.kind === 'COMPLAINT' && spec.handlerSeed % 3 === 0 ? this.manager('CS') : handlers[spec.handlerSeed % handlers.length];
    const asHandler = await this.employeeClient(handler);
    const asCustomer = await this.customerClient(customerId);
    const asDispatcher = await this.employeeClient(dispatcher);

    let ticket: TicketState;
    const change = async (client: GraphClient, mutation: string, inputType: string, input: Record<string, unknown> = {}) => {
      const reply = await client.data<Record<string, TicketState>>(
        `mutation ($input: ${inputType}!) { result: ${mutation}(input: $input) { ${TICKET_FIELDS} } }`,
        { input: { ticketId: ticket.id, expectedVersion: ticket.version, ...input } },
      );
      ticket = reply.result;
    };

    const openInput: Record<string, unknown> = {
      kind: spec.kind,
      channel: spec.channel,
      subject: spec.subject,
      description: spec.description,
      urgency: spec.urgency,
      impact: spec.impact,
      ...(spec.category ? { category: spec.category } : {}),
    };
    const opener = spec.selfService ? asCustomer : asDispatcher;
    if (!spec.selfService) Object.assign(openInput, { customerId, departmentId: this.departments.get('CS')!.id });
    const opened = await opener.data<{ openTicket: TicketState }>(
      `mutation ($input: OpenTicketInput!) { openTicket(input: $input) { ${TICKET_FIELDS} } }`,
      { input: openInput },
    );
    ticket = opened.openTicket;
    if (spec.finalState === 'NEW') return;

    await change(asDispatcher, 'acknowledgeTicket', 'AcknowledgeTicketInput');
    if (spec.finalState === 'ACKNOWLEDGED') return;

    await change(asDispatcher, 'assignTicket', 'AssignTicketInput', {
      assigneeId: handler.id,
      departmentId: this.departments.get(handler.department.code)!.id,
    });
    if (spec.escalate) await change(asHandler, 'escalateTicket', 'EscalateTicketInput', { reason: 'Customer impact is wider than first reported' });
    if (spec.finalState === 'ASSIGNED') return;

    await change(asHandler, 'startTicketWork', 'StartTicketWorkInput');
    if (spec.publicUpdate) {
      await change(asHandler, 'addTicketProgress', 'AddTicketProgressInput', { visibility: 'PUBLIC', body: spec.publicUpdate });
    }
    if (spec.internalNote) {
      await change(asHandler, 'addTicketProgress', 'AddTicketProgressInput', { visibility: 'INTERNAL', body: spec.internalNote });
    }
    if (spec.complaint) {
      const asManager = await this.employeeClient(this.manager('CS'));
      const responsible = this.staff(spec.complaint.responsibleDepartmentCode)[spec.handlerSeed % 3];
      await change(asManager, 'recordComplaintInvestigation', 'RecordComplaintInvestigationInput', {
        findings: spec.complaint.findings,
        rootCause: spec.complaint.rootCause,
        responsibleDepartmentId: this.departments.get(spec.complaint.responsibleDepartmentCode)!.id,
        responsibleEmployeeId: responsible?.id ?? null,
        correctiveAction: spec.complaint.correctiveAction,
        correctiveActionDueAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
        feedbackToComplainant: spec.complaint.feedback,
      });
    }
    if (spec.waitsForCustomer) {
      await change(asHandler, 'awaitCustomer', 'AwaitCustomerInput', { reason: 'Please confirm the order number and a convenient time' });
      if (spec.finalState === 'PENDING_CUSTOMER') return;
      await change(asHandler, 'recordCustomerResponse', 'RecordCustomerResponseInput', { note: 'Customer sent the details' });
    }
    if (spec.finalState === 'IN_PROGRESS') return;

    if (spec.suggestion) {
      const asManager = await this.employeeClient(this.manager(spec.departmentCode));
      await change(asManager, 'reviewSuggestion', 'ReviewSuggestionInput', spec.suggestion);
    }
    await change(asHandler, 'resolveTicket', 'ResolveTicketInput', { resolutionSummary: spec.resolution });
    if (spec.survey) await change(asCustomer, 'submitTicketSurvey', 'SubmitTicketSurveyInput', { ...spec.survey });
    if (spec.complaint?.followUp) {
      const asManager = await this.employeeClient(this.manager('CS'));
      await change(asManager, 'recordComplaintFollowUp', 'RecordComplaintFollowUpInput', {
        followUpAt: new Date().toISOString(),
        ...spec.complaint.followUp,
      });
    }
    if (spec.finalState === 'RESOLVED') return;
    if (spec.finalState === 'REOPENED') {
      await change(asHandler, 'reopenTicket', 'ReopenTicketInput', { reason: 'The problem came back the next day' });
      return;
    }
    if (spec.closeByCustomer) await change(asCustomer, 'closeTicket', 'CloseTicketInput', { reason: 'CUSTOMER_CONFIRMED' });
    else await change(asHandler, 'closeTicket', 'CloseTicketInput', { reason: 'AGENT' });
  }
}

export async function seed(options: SeedOptions): Promise<SeedResult> {
  return new Seeder(options).run();
}

export { GraphError };
