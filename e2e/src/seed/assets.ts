// The demo asset ledger (docs/product.md §4.1), sent through the graph like the rest of the demo centre: ~300 assets
// across categories held by the seeded staff, fleet maintenance plans (some overdue), back-dated jobs and faults
// (so MTBF, MTTR and advice show real figures; two models fail often and more so lately), and FAULT tickets about
// assets (the ticket topic marks them FAULTY; the resolved ones repair them). Idempotent: skipped when assets exist.
import type { GraphClient } from '../support/graph-client';

export interface AssetSeedContext {
  admin: GraphClient;
  /** ADMIN, may back-date ticket changes (`occurredAt`). */
  importer: GraphClient;
  employees: readonly { id: string; position: string; department: { id: string } }[];
  customerIds: readonly string[];
  now: Date;
  count?: number;
  concurrency: number;
  pool: <T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>) => Promise<void>;
  log: (message: string) => void;
}

interface ModelSpec {
  category: string;
  model: string;
  manufacturer: string;
  cost: number;
  configuration: Record<string, unknown>;
  /** Share of the ledger. */
  weight: number;
  faultsPerYear: number;
  /** Faults crowd into the last year (an ageing model: its MTBF falls). */
  worsening?: boolean;
}

const CATALOGUE: ModelSpec[] = [
  {
    category: 'SERVER',
    model: 'PowerEdge R750',
    manufacturer: 'Dell',
    cost: 68_000,
    configuration: { cpuCores: 32, memoryGb: 256, os: 'Rocky Linux 9' },
    weight: 30,
    faultsPerYear: 0.8,
  },
  {
    category: 'SERVER',
    model: 'ProLiant DL380 Gen10',
    manufacturer: 'HPE',
    cost: 61_000,
    configuration: { cpuCores: 24, memoryGb: 192, os: 'Ubuntu 22.04' },
    weight: 20,
    faultsPerYear: 2.5,
    worsening: true,
  },
  {
    category: 'NETWORK',
    model: 'Catalyst 9300-48P',
    manufacturer: 'Cisco',
    cost: 42_000,
    configuration: { ports: 48, managed: true },
    weight: 25,
    faultsPerYear: 0.5,
  },
  {
    category: 'NETWORK',
    model: 'FortiGate 100F',
    manufacturer: 'Fortinet',
    cost: 23_000,
    configuration: { ports: 22, firmware: 'FortiOS 7.4' },
    weight: 10,
    faultsPerYear: 1,
  },
  {
    category: 'WORKSTATION',
    model: 'OptiPlex 7010',
    manufacturer: 'Dell',
    cost: 6_400,
    configuration: { cpu: 'i5-13500', memoryGb: 16, os: 'Windows 11' },
    weight: 70,
    faultsPerYear: 1.2,
  },
  {
    category: 'WORKSTATION',
    model: 'ThinkCentre M90q',
    manufacturer: 'Lenovo',
    cost: 7_200,
    configuration: { cpu: 'i7-12700T', memoryGb: 32, os: 'Windows 11' },
    weight: 40,
    faultsPerYear: 0.7,
  },
  {
    category: 'PRINTER',
    model: 'LaserJet Pro M404dn',
    manufacturer: 'HP',
    cost: 2_600,
    configuration: { color: false, duplex: true, pagesPerMinute: 40 },
    weight: 25,
    faultsPerYear: 6,
    worsening: true,
  },
  {
    category: 'PRINTER',
    model: 'imageRUNNER 2425',
    manufacturer: 'Canon',
    cost: 18_500,
    configuration: { color: false, duplex: true, pagesPerMinute: 25 },
    weight: 10,
    faultsPerYear: 3,
  },
  {
    category: 'VEHICLE',
    model: 'Hiace',
    manufacturer: 'Toyota',
    cost: 260_000,
    configuration: { fuel: 'DIESEL', seats: 12 },
    weight: 8,
    faultsPerYear: 1,
  },
  {
    category: 'HVAC',
    model: 'VRV IV',
    manufacturer: 'Daikin',
    cost: 120_000,
    configuration: { coolingKw: 45, refrigerant: 'R410A' },
    weight: 12,
    faultsPerYear: 1.5,
  },
  {
    category: 'POWER',
    model: 'Galaxy VS 40kVA',
    manufacturer: 'Schneider Electric',
    cost: 90_000,
    configuration: { capacityKva: 40, batteryType: 'VRLA' },
    weight: 10,
    faultsPerYear: 0.6,
  },
  {
    category: 'OTHER',
    model: 'EB-L200F',
    manufacturer: 'Epson',
    cost: 9_800,
    configuration: { kind: 'projector' },
    weight: 40,
    faultsPerYear: 0.5,
  },
];

// Fleet plans, created once the assets exist; `startDaysAgo` past the interval makes the plan overdue today.
const PLANS = [
  {
    model: 'PowerEdge R750',
    title: 'Quarterly server health check',
    intervalUnit: 'MONTHS',
    intervalValue: 3,
    startDaysAgo: 110,
  },
  {
    model: 'ProLiant DL380 Gen10',
    title: 'Half-yearly server service',
    intervalUnit: 'MONTHS',
    intervalValue: 6,
    startDaysAgo: 60,
  },
  {
    model: 'LaserJet Pro M404dn',
    title: 'Printer cleaning and fuser check',
    intervalUnit: 'MONTHS',
    intervalValue: 3,
    startDaysAgo: 120,
  },
  {
    category: 'WORKSTATION',
    title: 'Yearly workstation inspection',
    intervalUnit: 'MONTHS',
    intervalValue: 12,
    startDaysAgo: 200,
  },
  {
    category: 'HVAC',
    title: 'Filter and coil cleaning',
    intervalUnit: 'MONTHS',
    intervalValue: 3,
    startDaysAgo: 95,
  },
  {
    category: 'VEHICLE',
    title: 'Vehicle service',
    intervalUnit: 'MONTHS',
    intervalValue: 6,
    startDaysAgo: 30,
  },
  {
    category: 'NETWORK',
    title: 'Firmware review',
    intervalUnit: 'WEEKS',
    intervalValue: 26,
    startDaysAgo: 10,
  },
  {
    category: 'POWER',
    title: 'UPS battery test',
    intervalUnit: 'OPERATING_HOURS',
    intervalValue: 2000,
    startDaysAgo: 0,
  },
] as const;

const DAY = 86_400_000;
const LOCATIONS = [
  'HQ floor 3',
  'HQ floor 5',
  'Data centre room 1',
  'Data centre room 2',
  'Branch Xinyi',
  'Branch Banqiao',
  'Warehouse',
];

const dayOf = (at: number): string => new Date(at).toISOString().slice(0, 10);

interface Planned {
  spec: ModelSpec;
  index: number;
  inServiceSince: string | null;
  input: Record<string, unknown>;
}

function ledger(count: number, now: number, employees: AssetSeedContext['employees']): Planned[] {
  const totalWeight = CATALOGUE.reduce((sum, spec) => sum + spec.weight, 0);
  const planned: Planned[] = [];
  for (const spec of CATALOGUE) {
    const n = Math.max(1, Math.round((spec.weight / totalWeight) * count));
    for (let k = 0; k < n; k++) {
      const index = planned.length;
      // 0.5 to 9 years in service; every 40th is still in stock.
      const ageDays = Math.round((0.5 + ((index * 37) % 86) / 10) * 365);
      const inStock = index % 40 === 39;
      const since = now - ageDays * DAY;
      const custodian = employees[(index * 7) % employees.length];
      planned.push({
        spec,
        index,
        inServiceSince: inStock ? null : dayOf(since),
        input: {
          name: `${spec.model} #${k + 1}`,
          category: spec.category,
          model: spec.model,
          manufacturer: spec.manufacturer,
          configuration: spec.configuration,
          serialNumber: `${spec.manufacturer.slice(0, 3).toUpperCase()}-${(100_000 + index * 7919) % 1_000_000}`,
          supplier: index % 2 === 0 ? 'Taipei IT Supply Co.' : 'Formosa Systems Ltd.',
          purchaseDate: dayOf(since - 10 * DAY),
          purchaseCost: Math.round(spec.cost * (0.9 + ((index * 13) % 20) / 100)),
          currency: 'TWD',
          inServiceSince: inStock ? null : dayOf(since),
          warrantyEndsOn: dayOf(since - 10 * DAY + 3 * 365 * DAY),
          location: LOCATIONS[index % LOCATIONS.length],
          custodianId: inStock ? null : custodian.id,
          departmentId: custodian.department.id,
        },
      });
    }
  }
  return planned;
}

/** Back-dated repaired faults over the last (up to) three years in service. */
function faultHistory(asset: Planned, now: number): { reportedAt: string; repairedAt: string }[] {
  if (asset.inServiceSince === null) return [];
  const start = Math.max(Date.parse(asset.inServiceSince), now - 3 * 365 * DAY);
  const years = (now - 2 * DAY - start) / (365 * DAY);
  const jitter = 0.6 + ((asset.index * 17) % 9) / 10;
  const n = Math.min(15, Math.round(asset.spec.faultsPerYear * years * jitter));
  const faults = [];
  for (let j = 0; j < n; j++) {
    let share = (j + 0.5) / n;
    if (asset.spec.worsening) share = Math.sqrt(share); // crowding into recent months
    const reported = start + share * (now - 2 * DAY - start);
    const hours = 1 + ((asset.index * 5 + j * 11) % 30);
    faults.push({
      reportedAt: new Date(reported).toISOString(),
      repairedAt: new Date(reported + hours * 3_600_000).toISOString(),
    });
  }
  return faults;
}

/** Returns the number of FAULT tickets it opened. */
export async function seedAssets(context: AssetSeedContext): Promise<number> {
  const { admin, importer, log, pool, concurrency } = context;
  const { assets } = await admin.data<{ assets: { totalCount: number } }>(
    '{ assets(first: 1) { totalCount } }',
  );
  if (assets.totalCount > 0) {
    log(`assets: ${assets.totalCount} present, nothing to add`);
    return 0;
  }
  const started = Date.now();
  const now = context.now.getTime();
  const planned = ledger(context.count ?? 300, now, context.employees);
  const ids = new Map<number, string>();
  let done = 0;
  await pool(planned, concurrency, async (asset) => {
    const { registerAsset } = await admin.data<{ registerAsset: { id: string } }>(
      'mutation ($input: RegisterAssetInput!) { registerAsset(input: $input) { id } }',
      { input: asset.input },
    );
    ids.set(asset.index, registerAsset.id);
    for (const fault of faultHistory(asset, now)) {
      await admin.data('mutation ($input: ReportFaultInput!) { reportFault(input: $input) { id } }', {
        input: { assetId: registerAsset.id, description: 'Failure reported by the user', ...fault },
      });
    }
    if (++done % 50 === 0) log(`assets: ${done}/${planned.length}`);
  });

  const technicians = context.employees.filter((employee) => employee.position === 'TECHNICIAN');
  let plansCovering = 0;
  for (const plan of PLANS) {
    const { startDaysAgo, ...input } = plan;
    const { createMaintenancePlan } = await admin.data<{
      createMaintenancePlan: { id: string; coveredAssets: number };
    }>(
      'mutation ($input: CreateMaintenancePlanInput!) { createMaintenancePlan(input: $input) { id coveredAssets } }',
      { input: { ...input, startOn: dayOf(now - startDaysAgo * DAY) } },
    );
    plansCovering += createMaintenancePlan.coveredAssets;
    const covered = planned.filter(
      (asset) =>
        asset.inServiceSince !== null &&
        ('model' in plan ? asset.spec.model === plan.model : asset.spec.category === plan.category),
    );
    await pool(covered, concurrency, async (asset) => {
      const assetId = ids.get(asset.index)!;
      if (plan.intervalUnit === 'OPERATING_HOURS') {
        // Half the UPSs ran past their test since the plan began.
        const hours = asset.index % 2 === 0 ? 2500 : 800;
        await admin.data(
          'mutation ($input: RecordMeterReadingInput!) { recordMeterReading(input: $input) { id } }',
          {
            input: { assetId, operatingHours: hours },
          },
        );
        return;
      }
      // Last done 120 days ago: quarterly plans are overdue again, longer ones are not.
      const completed = now - 120 * DAY - (asset.index % 10) * DAY;
      await admin.data(
        'mutation ($input: RecordMaintenanceInput!) { recordMaintenance(input: $input) { id } }',
        {
          input: {
            assetId,
            planId: createMaintenancePlan.id,
            description: plan.title,
            startedAt: new Date(completed - (1 + (asset.index % 4)) * 3_600_000).toISOString(),
            completedAt: new Date(completed).toISOString(),
            performedBy: technicians[asset.index % Math.max(1, technicians.length)]?.id ?? null,
            parts: asset.index % 3 === 0 ? [{ name: 'Filter kit', quantity: 1, unitCost: 350 }] : [],
          },
        },
      );
    });
  }

  // FAULT tickets about the failing models: the ticket topic reports the faults; half of the tickets get resolved.
  const failing = planned
    .filter((asset) => asset.spec.worsening && asset.inServiceSince !== null)
    .slice(0, 12);
  const technician = technicians[0] ?? context.employees[0];
  let linked = 0;
  await pool(failing, concurrency, async (asset) => {
    const opened = now - (2 + (asset.index % 5)) * DAY;
    const at = (hours: number) => new Date(opened + hours * 3_600_000).toISOString();
    const { openTicket } = await importer.data<{ openTicket: { id: string; version: number } }>(
      'mutation ($input: OpenTicketInput!) { openTicket(input: $input) { id version } }',
      {
        input: {
          kind: 'FAULT',
          category: 'FUNCTION_ANOMALY',
          channel: 'PHONE',
          subject: `${asset.spec.model} out of service`,
          description: `${String(asset.input.name)} stopped working at ${String(asset.input.location)}.`,
          urgency: 'HIGH',
          impact: 'MEDIUM',
          customerId: context.customerIds[asset.index % context.customerIds.length],
          assetId: ids.get(asset.index),
          occurredAt: at(0),
        },
      },
    );
    linked++;
    if (asset.index % 2 === 1) return;
    let ticket = openTicket;
    const steps: [string, number, Record<string, unknown>][] = [
      ['acknowledgeTicket', 0.2, {}],
      ['assignTicket', 0.5, { assigneeId: technician.id, departmentId: technician.department.id }],
      ['startTicketWork', 1, {}],
      ['resolveTicket', 5, { resolutionSummary: 'Replaced the failed part and tested.' }],
    ];
    for (const [mutation, hours, input] of steps) {
      const inputType = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
      const reply = await importer.data<Record<string, { id: string; version: number }>>(
        `mutation ($input: ${inputType}!) { result: ${mutation}(input: $input) { id version } }`,
        { input: { ticketId: ticket.id, expectedVersion: ticket.version, occurredAt: at(hours), ...input } },
      );
      ticket = reply.result;
    }
  });
  log(
    `assets: ${planned.length} registered, ${PLANS.length} plans covering ${plansCovering}, ${linked} FAULT tickets in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  return linked;
}
