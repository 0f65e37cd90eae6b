import { AGGREGATE_TYPES, TOPICS } from '@opsgraph/contracts-events';
import { loadServicesManifest } from '@opsgraph/services-manifest';
import fs from 'node:fs';
import path from 'node:path';

// services/manifest.json against the rest of the repository: the topic catalogue and the Nx projects.
const root = path.resolve(__dirname, '..', '..', '..');
const { subgraphs } = loadServicesManifest();

describe('services/manifest.json', () => {
  it('owns exactly the topics each service produces, and every topic has its owner', () => {
    const owned = subgraphs.flatMap((subgraph) =>
      subgraph.owns.map((aggregateType) => `${aggregateType} ← ${subgraph.name}`),
    );
    const produced = TOPICS.map((topic) => `${topic.aggregateType} ← ${topic.producer}`);
    expect(owned.sort()).toEqual(produced.sort());
  });

  it('reads only topics of the catalogue', () => {
    const known: readonly string[] = AGGREGATE_TYPES;
    const unknown = subgraphs.flatMap((subgraph) => subgraph.reads.filter((type) => !known.includes(type)));
    expect(unknown).toEqual([]);
  });

  it.each(subgraphs.map((subgraph) => subgraph.name))(
    '%s is the Nx service project services/%s with an sdl target',
    (name) => {
      const file = path.join(root, 'services', name, 'project.json');
      expect(fs.existsSync(file)).toBe(true);
      const project = JSON.parse(fs.readFileSync(file, 'utf8')) as {
        name: string;
        tags?: string[];
        targets?: { sdl?: unknown };
      };
      expect(project.name).toBe(name);
      expect(project.tags).toContain('type:service');
      expect(project.targets?.sdl).toBeDefined();
      expect(fs.existsSync(path.join(root, 'services', name, 'src', 'main.ts'))).toBe(true);
    },
  );

  it('names every service project under services/', () => {
    const projects = fs
      .readdirSync(path.join(root, 'services'))
      .filter((dir) => fs.existsSync(path.join(root, 'services', dir, 'project.json')));
    expect(projects.sort()).toEqual(subgraphs.map((subgraph) => subgraph.name).sort());
  });
});
