/** Progress lines of the infrastructure scripts; quiet when OPSGRAPH_INFRA_QUIET=1 (test workers). */
export function info(message: string): void {
  if (process.env.OPSGRAPH_INFRA_QUIET !== '1') process.stderr.write(`[infra] ${message}\n`);
}
