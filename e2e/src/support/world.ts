import { graphClient, type GraphClient } from './graph-client';
import type { Stack } from './stack';
import { signToken, type TokenClaims } from './tokens';

/** A small operations centre built through the gateway: the fixture of the e2e suites. */
export interface World {
  ids: {
    csDepartment: string;
    director: string;
    manager: string;
    agent: string;
    /** VIP organisation with a contact person. */
    customerA: string;
    /** STANDARD individual. */
    customerB: string;
  };
  admin: GraphClient;
  agent: GraphClient;
  manager: GraphClient;
  analyst: GraphClient;
  customerA: GraphClient;
  customerB: GraphClient;
  /** A client for any caller. */
  as(claims: TokenClaims): Promise<GraphClient>;
  /** Opens a ticket for a customer as the agent, returns its id and version. */
  openTicket(
    customerId: string,
    overrides?: Record<string, unknown>,
  ): Promise<{ id: string; version: number; number: string }>;
  ticketCount(): Promise<number>;
}

export const CONTACT = {
  name: 'Chen Mei-ling',
  title: 'Office Manager',
  phone: '+886912345678',
  email: 'meiling.chen@jade-foods.example.com',
};

export async function buildWorld(stack: Stack): Promise<World> {
  const as = async (claims: TokenClaims) => graphClient(stack.gatewayUrl, await signToken(claims));
  const admin = await as({ role: 'ADMIN', sub: 'e2e-admin' });

  const { ops } = await admin.data<{ ops: { id: string } }>(
    'mutation { ops: createDepartment(input: { code: "OPS", name: "Operations Centre" }) { id } }',
  );
  const { cs } = await admin.data<{ cs: { id: string; version: number } }>(
    'mutation ($parent: ID!) { cs: createDepartment(input: { code: "CS", name: "Customer Service", parentId: $parent }) { id version } }',
    { parent: ops.id },
  );
  const hire = async (name: string, position: string, departmentId: string, managerId?: string | null) => {
    const { hireEmployee } = await admin.data<{ hireEmployee: { id: string } }>(
      'mutation ($input: HireEmployeeInput!) { hireEmployee(input: $input) { id } }',
      {
        input: {
          name,
          position,
          departmentId,
          hireDate: '2023-03-01',
          ...(managerId === undefined ? {} : { managerId }),
        },
      },
    );
    return hireEmployee.id;
  };
  const director = await hire('Lin Chih-hao', 'OPS_DIRECTOR', ops.id, null);
  const manager = await hire('Wang Ya-ting', 'OPS_MANAGER', cs.id, director);
  await admin.data('mutation ($input: UpdateDepartmentInput!) { updateDepartment(input: $input) { id } }', {
    input: { id: cs.id, expectedVersion: cs.version, managerId: manager },
  });
  const agent = await hire('Huang Wei-lun', 'CS_SPECIALIST', cs.id);

  const register = async (input: Record<string, unknown>) => {
    const { registerCustomer } = await admin.data<{ registerCustomer: { id: string } }>(
      'mutation ($input: RegisterCustomerInput!) { registerCustomer(input: $input) { id } }',
      { input },
    );
    return registerCustomer.id;
  };
  const customerA = await register({
    code: 'C-E2E-0001',
    name: 'Jade Foods Co., Ltd.',
    type: 'ORGANIZATION',
    tier: 'VIP',
    consents: { surveys: true, revisits: true },
    contacts: [CONTACT],
  });
  const customerB = await register({
    code: 'C-E2E-0002',
    name: 'Tsai Pei-shan',
    type: 'INDIVIDUAL',
    contacts: [{ name: 'Tsai Pei-shan', phone: '+886987654321' }],
  });

  const agentClient = await as({ role: 'AGENT', employeeId: agent, departmentId: cs.id });
  return {
    ids: { csDepartment: cs.id, director, manager, agent, customerA, customerB },
    admin,
    agent: agentClient,
    manager: await as({ role: 'OPS_MANAGER', employeeId: manager, departmentId: cs.id }),
    analyst: await as({ role: 'ANALYST', sub: 'e2e-analyst' }),
    customerA: await as({ role: 'CUSTOMER', customerId: customerA }),
    customerB: await as({ role: 'CUSTOMER', customerId: customerB }),
    as,
    async openTicket(customerId, overrides = {}) {
      const { openTicket } = await agentClient.data<{
        openTicket: { id: string; version: number; number: string };
      }>('mutation ($input: OpenTicketInput!) { openTicket(input: $input) { id version number } }', {
        input: {
          kind: 'FAULT',
          category: 'SYSTEM_FAULT',
          channel: 'HOTLINE',
          subject: 'The portal answers 502 at sign-in',
          description: 'Since this morning every sign-in fails with a 502.',
          customerId,
          departmentId: cs.id,
          urgency: 'HIGH',
          impact: 'MEDIUM',
          contact: { name: CONTACT.name, phone: CONTACT.phone, email: CONTACT.email },
          ...overrides,
        },
      });
      return openTicket;
    },
    async ticketCount() {
      const { tickets } = await admin.data<{ tickets: { totalCount: number } }>(
        '{ tickets(first: 1) { totalCount } }',
      );
      return tickets.totalCount;
    },
  };
}
