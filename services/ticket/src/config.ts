import { flag, integer, type Env, type ServiceConfig } from '@opsgraph/service-runtime';

export interface TicketConfig extends ServiceConfig {
  /** The SLA breach scanner and auto-close job; safe on every replica (rows are claimed with SKIP LOCKED). */
  readonly runSlaScanner: boolean;
  readonly slaScanIntervalMs: number;
  /** How often RESOLVED tickets past the auto-close delay are closed (runs with the SLA scanner). */
  readonly autoCloseIntervalMs: number;
  /** How long an unknown customer, employee or department id is waited for before refusal (docs/product.md §11.1). */
  readonly referenceWaitMs: number;
  /** A complaint root cause found this many times within the window recurs (docs/product.md §11.3). */
  readonly complaintRecurrenceThreshold: number;
  readonly complaintRecurrenceWindowDays: number;
}

/** The ticket service's own variables, on top of those every service reads. */
export function ticketConfig(env: Env, base: ServiceConfig): TicketConfig {
  return {
    ...base,
    runSlaScanner: flag(env, 'RUN_SLA_SCANNER', true),
    slaScanIntervalMs: integer(env, 'SLA_SCAN_INTERVAL_MS', 5_000, { min: 100, max: 3_600_000 }),
    autoCloseIntervalMs: integer(env, 'AUTO_CLOSE_INTERVAL_MS', 60_000, { min: 100, max: 86_400_000 }),
    referenceWaitMs: integer(env, 'REFERENCE_WAIT_MS', 5_000, { min: 0, max: 60_000 }),
    complaintRecurrenceThreshold: integer(env, 'COMPLAINT_RECURRENCE_THRESHOLD', 3, { min: 2, max: 1_000 }),
    complaintRecurrenceWindowDays: integer(env, 'COMPLAINT_RECURRENCE_WINDOW_DAYS', 30, { min: 1, max: 366 }),
  };
}
