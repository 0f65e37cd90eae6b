import fs from 'node:fs';
import { composeSubgraphs, fetchRunningSdl, manifestSubgraphs, SUPERGRAPH_FILE } from './compose';
import { composeSupergraph, subgraphsOf } from './supergraph';
import { composeFakes, FAKE_SECRET, startAlpha, startBeta } from './test-support/fake-subgraphs';

// Static composition: the committed supergraph must be exactly what the subgraphs' `sdl` targets compose to today.
describe('gateway/supergraph.graphql', () => {
  it('is up to date with the subgraphs (else: npx nx run gateway:compose)', async () => {
    const { supergraph } = await composeSubgraphs();
    const committed = fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
    if (committed !== supergraph) {
      throw new Error(
        'gateway/supergraph.graphql is stale: run `npx nx run gateway:compose` and commit the result',
      );
    }
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(subgraphsOf(committed).sort(byName)).toEqual(
      manifestSubgraphs()
        .map(({ name, url }) => ({ name, url }))
        .sort(byName),
    );
  }, 120_000);
});

describe('composition from running subgraphs (npm start)', () => {
  it('gives the same supergraph as the printed SDLs', async () => {
    const [alpha, beta] = await Promise.all([startAlpha(), startBeta()]);
    try {
      const running = await Promise.all(
        [alpha, beta].map(async ({ name, url }) => ({
          name,
          url,
          sdl: await fetchRunningSdl(url, FAKE_SECRET),
        })),
      );
      expect(composeSupergraph(running)).toBe(composeFakes(alpha, beta));
      await expect(fetchRunningSdl(alpha.url, 'wrong-secret')).rejects.toThrow(/HTTP 401/);
    } finally {
      await Promise.all([alpha.stop(), beta.stop()]);
    }
  });
});
