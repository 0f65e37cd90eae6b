import { ALPHA_SDL, BETA_SDL } from './test-support/fake-subgraphs';
import { CompositionError, composeSupergraph, subgraphsOf } from './supergraph';

describe('composeSupergraph', () => {
  it('composes subgraphs and remembers their names and URLs', () => {
    const supergraph = composeSupergraph([
      { name: 'alpha', url: 'http://alpha:4000/graphql', sdl: ALPHA_SDL },
      { name: 'hr-performance', url: 'http://hr:4000/graphql', sdl: BETA_SDL },
    ]);
    expect(supergraph).toContain('type Widget');
    expect(subgraphsOf(supergraph)).toEqual([
      { name: 'alpha', url: 'http://alpha:4000/graphql' },
      { name: 'hr-performance', url: 'http://hr:4000/graphql' },
    ]);
  });

  it('fails with every composition error', () => {
    const clash = BETA_SDL.replace('rating: Int', 'rating: Int\n  name: Int!');
    expect(() =>
      composeSupergraph([
        { name: 'alpha', url: 'http://a/graphql', sdl: ALPHA_SDL },
        { name: 'beta', url: 'http://b/graphql', sdl: clash },
      ]),
    ).toThrow(CompositionError);
  });

  it('names the subgraph whose SDL does not parse', () => {
    expect(() => composeSupergraph([{ name: 'broken', url: 'http://x/graphql', sdl: 'type {' }])).toThrow(
      /broken/,
    );
  });
});
