// The rules a production image of opsgraph keeps, checked on the Dockerfile's text (no Docker engine needed).

export interface Stage {
  name: string;
  instructions: string[];
}

/** Dockerfile → stages of instructions (continuation lines joined, comments dropped). */
export function stagesOf(dockerfile: string): Stage[] {
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?/i.exec(instruction);
    if (from) stages.push({ name: from[1] ?? `stage-${stages.length}`, instructions: [] });
    else stages.at(-1)?.instructions.push(instruction);
  }
  return stages;
}

/** Rule violations of the image: empty when the Dockerfile is fit for a restricted production cluster. */
export function imageViolations(dockerfile: string): string[] {
  const stages = stagesOf(dockerfile);
  const runtime = stages.at(-1);
  const problems: string[] = [];
  if (stages.length < 2 || !runtime) return ['not a multi-stage build'];
  const has = (stage: Stage, pattern: RegExp) => stage.instructions.some((line) => pattern.test(line));
  const user = runtime.instructions.filter((line) => /^USER\s/i.test(line)).at(-1);
  if (!user || !/^USER\s+[1-9]\d*(:[1-9]\d*)?$/i.test(user)) problems.push('the runtime stage needs a numeric non-root USER');
  if (!has(runtime, /^ENTRYPOINT\s+\[\s*"[^"]*tini"/i)) problems.push('the runtime stage needs tini as ENTRYPOINT (PID 1)');
  if (!has(runtime, /^ENV\s.*NODE_ENV=production/i)) problems.push('the runtime stage needs NODE_ENV=production');
  if (has(runtime, /^RUN\s.*npm (ci|install)/i)) problems.push('the runtime stage must not install packages');
  if (has(runtime, /register\.cjs|swc-node|ts-node|\.ts"/)) problems.push('the runtime stage must not transpile at start-up');
  const copiedDeps = runtime.instructions.find((line) => /--from=(\S+).*node_modules/.test(line));
  const depsStage = stages.find((stage) => copiedDeps?.includes(`--from=${stage.name}`));
  if (!depsStage || !has(depsStage, /npm ci .*--omit=dev/)) problems.push('node_modules must come from an `npm ci --omit=dev` stage');
  for (const stage of stages.filter((s) => has(s, /npm (ci|install)/))) {
    const install = stage.instructions.findIndex((line) => /npm (ci|install)/.test(line));
    const patches = stage.instructions.findIndex((line) => /^COPY\s+patches\b/.test(line));
    if (patches < 0 || patches > install) problems.push(`stage ${stage.name}: COPY patches before npm (postinstall patch-package)`);
    if (stage !== runtime && stage.instructions.slice(0, install).some((line) => /NODE_ENV=production/.test(line))) {
      problems.push(`stage ${stage.name}: NODE_ENV=production before the install drops the build tools`);
    }
  }
  return problems;
}

/** Paths of `needed` that no COPY of the stage that runs `scripts/build-dist.mjs` brings into the image. */
export function uncopiedBuildInputs(dockerfile: string, needed: readonly string[]): string[] {
  const build = stagesOf(dockerfile).find((stage) => stage.instructions.some((line) => /build-dist\.mjs/.test(line) && /^RUN\s/.test(line)));
  if (!build) return [...needed];
  const copied = build.instructions
    .filter((line) => /^COPY\s/.test(line) && !/--from=/.test(line))
    .flatMap((line) => line.replace(/^COPY\s+/, '').split(/\s+/).slice(0, -1))
    .filter((source) => !source.startsWith('--'));
  const covered = (file: string) => copied.some((source) => file === source || file.startsWith(`${source.replace(/\/$/, '')}/`));
  return needed.filter((file) => !covered(file));
}
