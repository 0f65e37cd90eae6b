// The ticket service's background jobs, run by the kit (RUN_JOBS); RUN_SLA_SCANNER switches both off.
import type { JobSpec, SubgraphKit } from '@opsgraph/service-kit';
import type { TicketConfig } from '../config';
import { DEFAULT_LIFECYCLE_POLICY } from '../tickets/ticket.lifecycle';
import { AutoCloseJob } from './auto-close.job';
import { SlaBreachScanner } from './sla-breach.scanner';

export function ticketJobs({ config, unitOfWork }: SubgraphKit<TicketConfig>): JobSpec[] {
  if (!config.runSlaScanner) return [];
  const scanner = new SlaBreachScanner(unitOfWork);
  const autoClose = new AutoCloseJob(unitOfWork, DEFAULT_LIFECYCLE_POLICY);
  return [
    { name: 'sla-breach-scan', intervalMs: config.slaScanIntervalMs, run: () => scanner.scanOnce() },
    { name: 'auto-close', intervalMs: config.autoCloseIntervalMs, run: () => autoClose.runOnce() },
  ];
}
