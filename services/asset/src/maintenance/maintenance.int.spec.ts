// Maintenance on real PostgreSQL: plans (one asset, a category/model, new assets joining), jobs moving the asset's
// status and advancing the plan, back-dated imports, and the overdue scanner run by two "replicas" (two DataSources,
// two pools) at the same time: every overdue due point is reported with exactly one asset.maintenance_overdue.
import { Role } from '@opsgraph/domain';
import { OutboxWriter } from '@opsgraph/messaging';
import { createSubgraphDataSource, UnitOfWork } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { subgraph } from '../subgraph';
import {
  outboxEvents,
  registerAsset,
  expectRefused,
  startAssetHarness,
  typesOf,
  type AssetHarness,
} from '../test-support/asset-harness';
import { MaintenanceOverdueScanner } from './overdue.scanner';

const PLAN = `mutation($input: CreateMaintenancePlanInput!) { createMaintenancePlan(input: $input) { id coveredAssets } }`;
const PLANS_OF = `query($id: ID!) { asset(id: $id) { status maintenancePlans { planId dueOn dueAtHours lastDoneOn overdue } } }`;

interface PlansOf {
  asset: {
    status: string;
    maintenancePlans: {
      planId: string;
      dueOn: string | null;
      dueAtHours: number | null;
      lastDoneOn: string | null;
      overdue: boolean;
    }[];
  };
}

describe('asset maintenance (real PostgreSQL)', () => {
  let harness: AssetHarness;
  beforeAll(async () => {
    harness = await startAssetHarness('asset-maintenance', {
      env: { RUN_JOBS: 'false', RUN_CONSUMERS: 'false' },
    });
  });
  afterAll(() => harness?.stop());

  const plansOf = async (id: string) => (await harness.ok<PlansOf>(PLANS_OF, { id })).asset;

  it('plans a category and model: covers its assets and the ones registered later, each published', async () => {
    const model = `HVAC-${randomUUID().slice(0, 6)}`;
    const first = await registerAsset(harness, { category: 'HVAC', model, inServiceSince: '2024-01-01' });
    const plan = (
      await harness.ok<{ createMaintenancePlan: { id: string; coveredAssets: number } }>(PLAN, {
        input: {
          category: 'HVAC',
          model,
          title: 'Filter change',
          intervalUnit: 'MONTHS',
          intervalValue: 3,
          startOn: '2026-01-31',
        },
      })
    ).createMaintenancePlan;
    expect(plan.coveredAssets).toBe(1);
    const later = await registerAsset(harness, { category: 'HVAC', model });
    expect((await plansOf(first.id)).maintenancePlans).toEqual([
      {
        planId: plan.id,
        dueOn: '2026-04-30',
        dueAtHours: null,
        lastDoneOn: null,
        overdue: expect.any(Boolean),
      },
    ]);
    expect((await plansOf(later.id)).maintenancePlans).toHaveLength(1);
    expect(typesOf(await outboxEvents(harness, first.id))).toEqual([
      'asset.registered',
      'asset.maintenance_planned',
    ]);
    expect(typesOf(await outboxEvents(harness, later.id))).toEqual([
      'asset.registered',
      'asset.maintenance_planned',
    ]);
  });

  it('start → complete: UNDER_MAINTENANCE then IN_USE, downtime and cost recorded, the plan advanced', async () => {
    const asset = await registerAsset(harness, { inServiceSince: '2025-01-01' });
    const plan = (
      await harness.ok<{ createMaintenancePlan: { id: string } }>(PLAN, {
        input: { assetId: asset.id, title: 'Inspection', intervalUnit: 'DAYS', intervalValue: 30 },
      })
    ).createMaintenancePlan;
    const technician = { role: 'TECHNICIAN' as const };
    const started = await harness.ok<{ startMaintenance: { id: string } }>(
      `mutation($input: StartMaintenanceInput!) { startMaintenance(input: $input) { id } }`,
      { input: { assetId: asset.id, planId: plan.id, description: 'Monthly inspection' } },
      technician,
    );
    expect((await plansOf(asset.id)).status).toBe('UNDER_MAINTENANCE');
    const performer = randomUUID();
    const done = await harness.ok<{
      completeMaintenance: {
        cost: number;
        downtimeMinutes: number;
        performedBy: string;
        completedAt: string;
      };
    }>(
      `mutation($input: CompleteMaintenanceInput!) { completeMaintenance(input: $input) { cost downtimeMinutes performedBy completedAt } }`,
      {
        input: {
          recordId: started.startMaintenance.id,
          performedBy: performer,
          parts: [{ name: 'Belt', quantity: 2, unitCost: 12.5 }],
        },
      },
      technician,
    );
    expect(done.completeMaintenance).toMatchObject({ cost: 25, downtimeMinutes: 0, performedBy: performer });
    const after = await plansOf(asset.id);
    const today = done.completeMaintenance.completedAt.slice(0, 10);
    expect(after.status).toBe('IN_USE');
    expect(after.maintenancePlans[0]).toMatchObject({ lastDoneOn: today, overdue: false });
    expect(typesOf(await outboxEvents(harness, asset.id))).toEqual([
      'asset.registered',
      'asset.maintenance_planned',
      'asset.status_changed',
      'asset.status_changed',
      'asset.maintenance_completed',
    ]);

    const again = await harness.gql(
      `mutation($input: CompleteMaintenanceInput!) { completeMaintenance(input: $input) { id } }`,
      { input: { recordId: started.startMaintenance.id } },
      technician,
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('records a back-dated job (status unchanged) and advances the plan from it; hours plans count from the meter', async () => {
    const asset = await registerAsset(harness, { inServiceSince: '2024-01-01' });
    const plan = (
      await harness.ok<{ createMaintenancePlan: { id: string } }>(PLAN, {
        input: { assetId: asset.id, title: 'Oil', intervalUnit: 'OPERATING_HOURS', intervalValue: 500 },
      })
    ).createMaintenancePlan;
    expect((await plansOf(asset.id)).maintenancePlans[0]).toMatchObject({ dueAtHours: 500, overdue: false });
    await harness.ok(
      `mutation { recordMeterReading(input: { assetId: "${asset.id}", operatingHours: 520 }) { id } }`,
    );
    expect((await plansOf(asset.id)).maintenancePlans[0].overdue).toBe(true);
    await harness.ok(
      `mutation($input: RecordMaintenanceInput!) { recordMaintenance(input: $input) { downtimeMinutes } }`,
      {
        input: {
          assetId: asset.id,
          planId: plan.id,
          description: 'Oil change',
          startedAt: '2025-06-01T08:00:00Z',
          completedAt: '2025-06-01T10:30:00Z',
          cost: 80,
        },
      },
    );
    expect(await plansOf(asset.id)).toMatchObject({
      status: 'IN_USE',
      maintenancePlans: [{ dueAtHours: 1020, lastDoneOn: '2025-06-01', overdue: false }],
    });
  });

  it.each([
    [
      'both an asset and a category',
      (id: string) => ({
        assetId: id,
        category: 'SERVER',
        title: 't',
        intervalUnit: 'DAYS',
        intervalValue: 1,
      }),
      'input.assetId',
    ],
    [
      'an interval of 0',
      (id: string) => ({ assetId: id, title: 't', intervalUnit: 'DAYS', intervalValue: 0 }),
      'input.intervalValue',
    ],
    [
      '13 years of months',
      (id: string) => ({ assetId: id, title: 't', intervalUnit: 'MONTHS', intervalValue: 121 }),
      'input.intervalValue',
    ],
  ])('refuses a plan with %s, writing nothing', async (_what, input, field) => {
    const asset = await registerAsset(harness);
    await expectRefused(harness, PLAN, { input: input(asset.id) }, { code: 'BAD_USER_INPUT', field });
  });

  it('refuses plans to a TECHNICIAN and jobs to an AGENT', async () => {
    const asset = await registerAsset(harness);
    const plan = await harness.gql(
      PLAN,
      { input: { assetId: asset.id, title: 't', intervalUnit: 'DAYS', intervalValue: 1 } },
      { role: Role.TECHNICIAN },
    );
    expect(plan.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const job = await harness.gql(
      `mutation($input: StartMaintenanceInput!) { startMaintenance(input: $input) { id } }`,
      { input: { assetId: asset.id, description: 'x' } },
      { role: Role.AGENT },
    );
    expect(job.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  describe('MaintenanceOverdueScanner', () => {
    const replicas: DataSource[] = [];
    afterAll(async () => {
      for (const dataSource of replicas) await dataSource.destroy();
    });

    it('two scanners racing report each overdue due point exactly once, and only overdue ones', async () => {
      for (const name of ['replica-a', 'replica-b']) {
        const dataSource = createSubgraphDataSource(subgraph, harness.db.url, name);
        await dataSource.initialize();
        replicas.push(dataSource);
      }
      const [a, b] = replicas.map(
        (dataSource) =>
          new MaintenanceOverdueScanner(
            new UnitOfWork({
              dataSource,
              outbox: new OutboxWriter({ namespace: harness.kafka.namespace }),
              producer: 'asset',
              clock: () => new Date(),
            }),
          ),
      );
      // What the earlier tests left overdue is reported first, so the race below is about this test's plans only.
      await a.scanOnce();
      const model = `SRV-${randomUUID().slice(0, 6)}`;
      const assets = [];
      for (let i = 0; i < 40; i++)
        assets.push(
          await registerAsset(harness, { category: 'SERVER', model, inServiceSince: '2024-01-01' }),
        );
      // Overdue: due 2025-01-31 + 1 month. Not yet due: a second plan counting from today.
      const overdue = (
        await harness.ok<{ createMaintenancePlan: { id: string; coveredAssets: number } }>(PLAN, {
          input: {
            model,
            title: 'Firmware',
            intervalUnit: 'MONTHS',
            intervalValue: 1,
            startOn: '2025-01-31',
          },
        })
      ).createMaintenancePlan;
      await harness.ok(PLAN, { input: { model, title: 'Dusting', intervalUnit: 'WEEKS', intervalValue: 2 } });
      expect(overdue.coveredAssets).toBe(40);

      const reported = await Promise.all([a.scanOnce(), b.scanOnce()]);
      expect(reported[0] + reported[1]).toBe(40);
      expect(Math.min(...reported)).toBeGreaterThan(0); // both replicas took part
      expect(await Promise.all([a.scanOnce(), b.scanOnce()])).toEqual([0, 0]);

      const events: { asset: string; plan: string; due: string }[] = await harness.app.dataSource.query(
        `select aggregate_id as asset, payload->'data'->>'planId' as plan, payload->'data'->>'dueOn' as due
         from outbox where event_type = 'asset.maintenance_overdue' and aggregate_id = any($1)`,
        [assets.map((asset) => asset.id)],
      );
      expect(events).toHaveLength(40);
      expect(new Set(events.map((e) => e.asset)).size).toBe(40);
      expect(events.every((e) => e.plan === overdue.id && e.due === '2025-02-28')).toBe(true);
      // A valid contract event (outboxEvents validates it), the asset's latest.
      expect(typesOf(await outboxEvents(harness, assets[0].id)).slice(-1)).toEqual([
        'asset.maintenance_overdue',
      ]);
    });
  });
});
