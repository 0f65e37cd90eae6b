import { topicFor, topicName, type EventEnvelope } from '@opsgraph/contracts-events';
import { waitFor } from '@opsgraph/testing';
import { randomUUID } from 'node:crypto';
import {
  outboxEvents,
  registerAsset,
  expectRefused,
  rowCounts,
  startAssetHarness,
  typesOf,
  type AssetHarness,
} from '../test-support/asset-harness';

const REGISTER = `mutation($input: RegisterAssetInput!) { registerAsset(input: $input) { id } }`;
const UPDATE = `mutation($input: UpdateAssetInput!) { updateAsset(input: $input) {
  version name location purchaseCost configuration department { id } } }`;
const METER = `mutation($input: RecordMeterReadingInput!) { recordMeterReading(input: $input) { operatingHours } }`;

describe('asset ledger (real PostgreSQL and Kafka)', () => {
  let harness: AssetHarness;
  beforeAll(async () => {
    harness = await startAssetHarness('asset-ledger');
  });
  afterAll(() => harness?.stop());

  it('registers an asset with a readable tag, reads it by id, tag and _entities, and publishes asset.registered', async () => {
    const custodian = randomUUID();
    const asset = await registerAsset(harness, {
      name: '  Core   switch ',
      configuration: { ports: 48, managed: true },
      purchaseDate: '2024-01-10',
      purchaseCost: 8200,
      custodianId: custodian,
    });
    expect(asset).toMatchObject({
      tag: expect.stringMatching(/^AST-\d{6}$/),
      name: 'Core switch',
      status: 'IN_STOCK',
      version: 1,
    });
    expect(asset.custodian).toEqual({ id: custodian });

    const read = await harness.ok<{
      asset: { tag: string };
      assetByTag: { id: string };
      _entities: unknown[];
    }>(
      `query($id: ID!, $tag: String!, $r: [_Any!]!) { asset(id: $id) { tag } assetByTag(tag: $tag) { id }
         _entities(representations: $r) { ... on Asset { id } } }`,
      {
        id: asset.id,
        tag: asset.tag.toLowerCase(),
        r: [
          { __typename: 'Asset', id: asset.id },
          { __typename: 'Asset', id: randomUUID() },
        ],
      },
    );
    expect(read).toEqual({
      asset: { tag: asset.tag },
      assetByTag: { id: asset.id },
      _entities: [{ id: asset.id }, null],
    });

    const events = await outboxEvents(harness, asset.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'asset.registered',
      aggregateVersion: 1,
      producer: 'asset',
      data: {
        assetId: asset.id,
        tag: asset.tag,
        status: 'IN_STOCK',
        custodianId: custodian,
        purchaseDate: '2024-01-10',
      },
    });

    // …and the relay delivers it to the asset topic.
    const topic = topicName(topicFor('asset'), harness.kafka.namespace);
    const seen: EventEnvelope[] = [];
    const consumer = harness.kafka.kafka.consumer({ groupId: `${harness.kafka.namespace}.reader` });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => void seen.push(JSON.parse(String(message.value))),
      });
      await waitFor(
        async () => seen,
        (all) => all.some((e) => e.aggregateId === asset.id),
        { what: 'asset.registered on Kafka' },
      );
    } finally {
      await consumer.disconnect();
    }
  });

  it('moves along the status machine with an audited history; assigns; retires', async () => {
    const asset = await registerAsset(harness);
    const change = (status: string, expectedVersion: number, reason?: string) =>
      harness.gql(
        `mutation($input: ChangeAssetStatusInput!) { changeAssetStatus(input: $input) { status version inServiceSince } }`,
        { input: { assetId: asset.id, expectedVersion, status, reason } },
      );
    const inUse = await change('IN_USE', 1, 'installed');
    expect(inUse.data).toMatchObject({
      changeAssetStatus: { status: 'IN_USE', version: 2, inServiceSince: expect.any(String) },
    });

    const illegal = await change('IN_STOCK', 1);
    expect(illegal.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
    await expectRefused(
      harness,
      `mutation($input: ChangeAssetStatusInput!) { changeAssetStatus(input: $input) { status } }`,
      { input: { assetId: asset.id, expectedVersion: 2, status: 'IN_USE' } },
      { code: 'INVALID_TRANSITION', currentState: 'IN_USE' },
    );

    const department = randomUUID();
    const assigned = await harness.ok<{
      assignAsset: { custodian: { id: string }; department: { id: string }; version: number };
    }>(
      `mutation($input: AssignAssetInput!) { assignAsset(input: $input) { custodian { id } department { id } version } }`,
      {
        input: { assetId: asset.id, expectedVersion: 2, custodianId: randomUUID(), departmentId: department },
      },
    );
    expect(assigned.assignAsset).toMatchObject({ department: { id: department }, version: 3 });

    const retired = await harness.ok<{ retireAsset: { status: string; version: number } }>(
      `mutation($input: RetireAssetInput!) { retireAsset(input: $input) { status version } }`,
      { input: { assetId: asset.id, expectedVersion: 3, reason: 'beyond repair' } },
    );
    expect(retired.retireAsset).toEqual({ status: 'RETIRED', version: 5 });

    const history = await harness.ok<{
      asset: { statusHistory: { fromStatus: string | null; toStatus: string; reason: string | null }[] };
    }>(
      `query($id: ID!) { asset(id: $id) { statusHistory { fromStatus toStatus reason actorRole occurredAt } } }`,
      { id: asset.id },
    );
    expect(
      history.asset.statusHistory.map(({ fromStatus, toStatus, reason }) => ({
        fromStatus,
        toStatus,
        reason,
      })),
    ).toEqual([
      { fromStatus: null, toStatus: 'IN_STOCK', reason: null },
      { fromStatus: 'IN_STOCK', toStatus: 'IN_USE', reason: 'installed' },
      { fromStatus: 'IN_USE', toStatus: 'RETIRED', reason: 'beyond repair' },
    ]);
    expect(typesOf(await outboxEvents(harness, asset.id))).toEqual([
      'asset.registered',
      'asset.status_changed',
      'asset.assigned',
      'asset.status_changed',
      'asset.retired',
    ]);
  });

  it('edits ledger details: persists them, audits each field before and after, publishes asset.updated', async () => {
    const asset = await registerAsset(harness, {
      configuration: { ports: 24, firmware: '17.3' },
      purchaseCost: 8200,
      location: 'Room 1',
    });
    const department = randomUUID();
    const edited = await harness.ok<{ updateAsset: Record<string, unknown> }>(UPDATE, {
      input: {
        assetId: asset.id,
        expectedVersion: 1,
        location: ' Room  2 ',
        purchaseCost: 7900.5,
        configuration: { ports: 24, firmware: '17.9', managed: true },
        departmentId: department,
        name: asset.name,
      },
    });
    expect(edited.updateAsset).toEqual({
      version: 2,
      name: asset.name,
      location: 'Room 2',
      purchaseCost: 7900.5,
      configuration: { ports: 24, firmware: '17.9', managed: true },
      department: { id: department },
    });
    const [stored] = await harness.app.dataSource.query(
      `select location, purchase_cost::float8 as cost, configuration, version from assets where id = $1`,
      [asset.id],
    );
    expect(stored).toEqual({
      location: 'Room 2',
      cost: 7900.5,
      configuration: { ports: 24, firmware: '17.9', managed: true },
      version: 2,
    });

    const [audit] = await harness.app.dataSource.query(
      `select action, aggregate_version as version, changes from audit_log
        where aggregate_id = $1 and action = 'UPDATED'`,
      [asset.id],
    );
    expect(audit).toEqual({
      action: 'UPDATED',
      version: 2,
      changes: {
        fields: [
          {
            field: 'configuration',
            from: '{"ports":24,"firmware":"17.3"}',
            to: '{"ports":24,"firmware":"17.9","managed":true}',
          },
          { field: 'purchaseCost', from: '8200', to: '7900.5' },
          { field: 'location', from: 'Room 1', to: 'Room 2' },
          { field: 'departmentId', from: null, to: department },
        ],
      },
    });

    const events = await outboxEvents(harness, asset.id);
    expect(typesOf(events)).toEqual(['asset.registered', 'asset.updated']);
    expect(events[1]).toMatchObject({
      aggregateVersion: 2,
      data: {
        assetId: asset.id,
        location: 'Room 2',
        departmentId: department,
        changedFields: ['configuration', 'purchaseCost', 'location', 'departmentId'],
      },
    });
  });

  it('writes nothing for an edit that changes nothing (the version stays)', async () => {
    const asset = await registerAsset(harness, { location: 'Room 1', configuration: { ports: 8 } });
    const before = await rowCounts(harness);
    const same = await harness.ok<{ updateAsset: { version: number; location: string } }>(UPDATE, {
      input: { assetId: asset.id, expectedVersion: 1, location: 'Room 1', configuration: { ports: 8 } },
    });
    expect(same.updateAsset).toMatchObject({ version: 1, location: 'Room 1' });
    expect(await rowCounts(harness)).toEqual(before);
  });

  it.each([
    [
      'a configuration key its category lacks',
      { configuration: { gpu: 'A100' } },
      { code: 'BAD_USER_INPUT', field: 'input.configuration.gpu' },
    ],
    ['a cleared name', { name: null }, { code: 'BAD_USER_INPUT', field: 'input.name' }],
    ['an unknown asset', { assetId: randomUUID() }, { code: 'NOT_FOUND' }],
    ['a stale version', { expectedVersion: 1 }, { code: 'CONFLICT' }],
    ['a CUSTOMER caller', { role: 'CUSTOMER' }, { code: 'FORBIDDEN' }],
    ['a TECHNICIAN caller', { role: 'TECHNICIAN' }, { code: 'FORBIDDEN' }],
  ] as const)('refuses an edit with %s, and writes nothing', async (_what, given, extensions) => {
    const asset = await registerAsset(harness, { location: 'Room 0' });
    // One edit first, so that version 1 is stale.
    await harness.ok(UPDATE, { input: { assetId: asset.id, expectedVersion: 1, location: 'Room 1' } });
    const { role, ...fields } = { role: undefined, ...given };
    const input = { assetId: asset.id, expectedVersion: 2, location: 'Room 9', ...fields };
    await expectRefused(harness, UPDATE, { input }, extensions, role && { role });
    const [row] = await harness.app.dataSource.query(`select location, version from assets where id = $1`, [
      asset.id,
    ]);
    expect(row).toEqual({ location: 'Room 1', version: 2 });
  });

  it('records meter readings, never going backwards', async () => {
    const asset = await registerAsset(harness);
    const read = (operatingHours: number) =>
      harness.gql(METER, { input: { assetId: asset.id, operatingHours } });
    expect((await read(120.5)).data).toEqual({ recordMeterReading: { operatingHours: 120.5 } });
    await expectRefused(
      harness,
      METER,
      { input: { assetId: asset.id, operatingHours: 100 } },
      { code: 'BAD_USER_INPUT', field: 'input.operatingHours' },
    );
  });

  it('answers book value and depreciation schedule from cost, category life and salvage', async () => {
    // A SERVER: 5 years, salvage 10 %: 10,000 → 1,000 over five years from 2020-01-01.
    const asset = await registerAsset(harness, {
      category: 'SERVER',
      model: 'R740',
      purchaseCost: 10_000,
      purchaseDate: '2019-12-20',
      inServiceSince: '2020-01-01',
    });
    const data = await harness.ok<{
      asset: {
        bookValue: number;
        ddb: number;
        schedule: { year: number; charge: number; bookValue: number }[];
      };
    }>(
      `query($id: ID!) { asset(id: $id) { bookValue(at: "2021-01-01") ddb: bookValue(at: "2022-01-01", method: DECLINING_BALANCE)
         schedule: depreciationSchedule(method: SUM_OF_YEARS_DIGITS) { year charge bookValue } } }`,
      { id: asset.id },
    );
    expect(data.asset.bookValue).toBe(8200);
    expect(data.asset.ddb).toBe(3600);
    expect(data.asset.schedule.map((period) => period.charge)).toEqual([3000, 2400, 1800, 1200, 600]);
    expect(data.asset.schedule[4]).toEqual({ year: 5, charge: 600, bookValue: 1000 });
  });

  it('filters and pages the list', async () => {
    const model = `PRN-${randomUUID().slice(0, 8)}`;
    const printers = [];
    for (let i = 0; i < 3; i++)
      printers.push(await registerAsset(harness, { category: 'PRINTER', model, name: `Printer ${i}` }));
    const LIST = `query($filter: AssetFilter, $after: String) { assets(first: 2, after: $after, filter: $filter) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
    type Page = {
      assets: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { id: string } }[];
      };
    };
    const first = (await harness.ok<Page>(LIST, { filter: { model, category: ['PRINTER'] } })).assets;
    expect(first.totalCount).toBe(3);
    expect(first.edges.map((e) => e.node.id)).toEqual([printers[2].id, printers[1].id]);
    const next = (await harness.ok<Page>(LIST, { filter: { model }, after: first.pageInfo.endCursor }))
      .assets;
    expect(next.edges.map((e) => e.node.id)).toEqual([printers[0].id]);
    expect(next.pageInfo.hasNextPage).toBe(false);
    const text = (await harness.ok<Page>(LIST, { filter: { text: printers[1].tag } })).assets;
    expect(text.edges.map((e) => e.node.id)).toEqual([printers[1].id]);
  });

  it.each([
    ['a blank name', { name: '  ' }, 'input.name'],
    ['an unknown configuration key', { configuration: { gpu: 'A100' } }, 'input.configuration.gpu'],
    ['a purchase date in the future', { purchaseDate: '2999-01-01' }, 'input.purchaseDate'],
    ['a negative cost', { purchaseCost: -5 }, 'input.purchaseCost'],
    ['a custodian id that is no UUID', { custodianId: 'bob' }, 'input.custodianId'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_what, given, field) => {
    const input = { name: 'X', category: 'SERVER', model: 'Y', ...given };
    await expectRefused(harness, REGISTER, { input }, { code: 'BAD_USER_INPUT', field });
  });

  it('answers a bad id or cursor with BAD_USER_INPUT', async () => {
    const byId = await harness.gql(`{ asset(id: "not-a-uuid") { id } }`);
    expect(byId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const forged = Buffer.from(JSON.stringify(['yesterday', 'not-a-uuid'])).toString('base64url');
    const page = await harness.gql(`query($after: String) { assets(after: $after) { totalCount } }`, {
      after: forged,
    });
    expect(page.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('lets managers register, technicians only read and record; refuses customers everything', async () => {
    const input = { name: 'X', category: 'OTHER', model: 'Y' };
    for (const role of ['ADMIN', 'OPS_DIRECTOR', 'OPS_MANAGER'] as const) {
      expect((await harness.gql(REGISTER, { input }, { role })).errors).toBeUndefined();
    }
    for (const role of ['TECHNICIAN', 'AGENT', 'ANALYST', 'HR', 'CUSTOMER'] as const) {
      expect((await harness.gql(REGISTER, { input }, { role })).errors?.[0]?.extensions).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    expect((await harness.gql(`{ assets { totalCount } }`, {}, { role: 'ANALYST' })).errors).toBeUndefined();
    expect(
      (await harness.gql(`{ assets { totalCount } }`, {}, { role: 'CUSTOMER' })).errors?.[0]?.extensions,
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
