// Warns of at-risk SLA deadlines exactly once per ticket, deadline and due time, with kpi.sla_at_risk, however many
// replicas scan at once: each warning is written in its own unit of work under an advisory lock on its key, after
// checking it is not there yet; the unique key backs it. A due time that moves (a pause, a new policy) is a new
// deadline and may warn again.
import { KpiSlaAtRisk, SYSTEM_ACTOR } from '@opsgraph/contracts-events';
import type { Clock } from '@opsgraph/domain';
import type { AggregateKind, UnitOfWork } from '@opsgraph/service-kit';
import { draft } from '@opsgraph/service-kit';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CellsRepository } from '../engine/cells.repository';
import { atRisk, type AtRisk, type Deadline } from './at-risk.rules';

/** Deadlines further out than this are not candidates (their window would have to exceed horizon ÷ share). */
export const AT_RISK_HORIZON_MS = 30 * 24 * 3600_000;

interface SlaWarning {
  id: string;
  ticketId: string;
  deadline: Deadline;
  dueAt: string;
  warnedAt: Date;
  version: number;
}

const warningKind: AggregateKind<SlaWarning> = {
  type: 'kpi',
  label: 'SlaWarning',
  store: {
    lock: async () => null,
    async insert(manager: EntityManager, row: SlaWarning) {
      await manager.query(
        `insert into kpi_sla_warnings (id, ticket_id, deadline, due_at, warned_at, version)
         values ($1, $2, $3, $4, $5, $6)`,
        [row.id, row.ticketId, row.deadline, row.dueAt, row.warnedAt, row.version],
      );
    },
    update: async () => false,
  },
};

export class SlaAtRiskScanner {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly share: number,
    private readonly maxPerScan = 500,
  ) {}

  /** The at-risk deadlines now, optionally of one department (the graph's `atRiskTickets`). */
  async atRiskNow(departmentId: string | null): Promise<AtRisk[]> {
    const now = this.clock();
    const facts = await new CellsRepository(this.unitOfWork.dataSource.manager).openDeadlines(
      now,
      AT_RISK_HORIZON_MS,
      departmentId,
      this.maxPerScan,
    );
    return facts
      .flatMap((fact) => atRisk(fact, now, this.share))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.ticketId.localeCompare(b.ticketId));
  }

  /** Warns of every at-risk deadline not warned of yet; returns how many warnings it published. */
  async scanOnce(): Promise<number> {
    let warned = 0;
    for (const risk of await this.atRiskNow(null)) if (await this.warn(risk)) warned++;
    return warned;
  }

  private warn(risk: AtRisk): Promise<boolean> {
    const context = { caller: null, actor: SYSTEM_ACTOR, correlationId: randomUUID() };
    return this.unitOfWork.run(context, async (tx) => {
      const key = `kpi-sla-warning:${risk.ticketId}|${risk.deadline}|${risk.dueAt}`;
      await tx.manager.query('select pg_advisory_xact_lock(hashtextextended($1, 15))', [key]);
      const [{ n }] = await tx.manager.query(
        'select count(*)::int as n from kpi_sla_warnings where ticket_id = $1 and deadline = $2 and due_at = $3',
        [risk.ticketId, risk.deadline, risk.dueAt],
      );
      if (n > 0) return false;
      const warning: SlaWarning = {
        id: randomUUID(),
        ticketId: risk.ticketId,
        deadline: risk.deadline,
        dueAt: risk.dueAt,
        warnedAt: tx.now,
        version: 0,
      };
      const data = { ...risk, warningId: warning.id, warnedAt: tx.now.toISOString() };
      await tx.save(warningKind, null, {
        after: warning,
        action: 'WARNED',
        events: [draft(KpiSlaAtRisk, data)],
        changes: { deadline: risk.deadline, dueAt: risk.dueAt },
      });
      return true;
    });
  }
}
