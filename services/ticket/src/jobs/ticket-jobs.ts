// The ticket service's background jobs, run by the kit (RUN_JOBS); RUN_SLA_SCANNER switches them all off.
import type { JobSpec, SubgraphKit } from '@opsgraph/service-kit';
import { overdueCorrectiveActions } from '../complaints/corrective-action-overdue';
import type { TicketConfig } from '../config';
import type { TicketServices } from '../context';
import { DEFAULT_LIFECYCLE_POLICY } from '../tickets/ticket.lifecycle';
import { overduePlanSteps } from '../plan/plan-step-overdue';
import { AutoCloseJob } from './auto-close.job';
import { OverdueScanner } from './overdue.scanner';
import { SlaBreachScanner } from './sla-breach.scanner';

export function ticketJobs({
  config,
  unitOfWork,
  logger,
  services,
}: SubgraphKit<TicketConfig> & { services: TicketServices }): JobSpec[] {
  if (!config.runSlaScanner) return [];
  const scanner = new SlaBreachScanner(unitOfWork);
  const autoClose = new AutoCloseJob(unitOfWork, DEFAULT_LIFECYCLE_POLICY);
  const overdueActions = new OverdueScanner(unitOfWork, overdueCorrectiveActions);
  const overdueSteps = new OverdueScanner(unitOfWork, overduePlanSteps);
  return [
    { name: 'sla-breach-scan', intervalMs: config.slaScanIntervalMs, run: () => scanner.scanOnce() },
    {
      name: 'auto-close',
      intervalMs: config.autoCloseIntervalMs,
      run: async () => {
        const run = await autoClose.runOnce();
        // Complaints due for auto-close that are not settled stay open; the list tells operations what to finish.
        if (run.skipped.length > 0) logger.warn({ skipped: run.skipped }, 'auto-close left unsettled complaints open');
        return run;
      },
    },
    {
      name: 'corrective-action-overdue-scan',
      intervalMs: config.slaScanIntervalMs,
      run: () => overdueActions.scanOnce(),
    },
    { name: 'plan-step-overdue-scan', intervalMs: config.slaScanIntervalMs, run: () => overdueSteps.scanOnce() },
    {
      name: 'improvement-overdue-scan',
      intervalMs: config.slaScanIntervalMs,
      run: async () => {
        let reported = 0;
        while (reported < 500 && (await services.improvements.reportNextOverdue())) reported++;
        return reported;
      },
    },
  ];
}
