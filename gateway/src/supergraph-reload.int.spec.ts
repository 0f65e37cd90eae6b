// The supergraph ConfigMap's promise (docs/deploy.md): a new composition written over the mounted file is served by
// the running gateway without a restart; a broken one is ignored while the previous supergraph keeps serving.
import { waitFor } from '@opsgraph/testing';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_JWT_SECRET } from './config';
import { signLocalToken } from './auth/sign';
import { createGateway, type RunningGateway } from './server';
import { composeFakes, startAlpha, startBeta, type FakeSubgraph } from './test-support/fake-subgraphs';
import { testGatewayConfig } from './test-support/gateway-config';
import { post } from './test-support/graphql-client';

let alpha: FakeSubgraph;
let beta: FakeSubgraph;
let gateway: RunningGateway;
let headers: Record<string, string>;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'supergraph-reload-'));
const file = path.join(dir, 'supergraph.graphql');

beforeAll(async () => {
  [alpha, beta] = await Promise.all([startAlpha(), startBeta()]);
  const initial = composeFakes(alpha);
  fs.writeFileSync(file, initial);
  gateway = await createGateway(testGatewayConfig(initial, { supergraphPath: file, supergraphPollMs: 100 }));
  const token = await signLocalToken({ sub: 'user-1', role: 'ADMIN' }, DEFAULT_JWT_SECRET);
  headers = { authorization: `Bearer ${token}` };
});

afterAll(async () => {
  await gateway?.stop();
  await Promise.all([alpha?.stop(), beta?.stop()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

const rating = () => post(gateway.url, { query: '{ widgets(first: 1) { id rating } }' }, headers);

it('serves a new supergraph written over the file, without a restart', async () => {
  const before = await rating();
  expect(before.body.errors?.[0].message).toMatch(/Cannot query field "rating"/);

  fs.writeFileSync(file, composeFakes(alpha, beta));
  const after = await waitFor(rating, (reply) => !reply.body.errors, {
    timeoutMs: 10_000,
    what: 'the new supergraph',
  });
  expect(after.body.errors).toBeUndefined();
  expect(after.body.data).toEqual({ widgets: [{ id: expect.any(String), rating: expect.any(Number) }] });
});

it('keeps serving the previous supergraph when the file holds one that does not load', async () => {
  fs.writeFileSync(file, 'this is not a supergraph');
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect((await rating()).body.errors).toBeUndefined();
});
