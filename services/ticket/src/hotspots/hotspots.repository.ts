// The counts behind complaint hot spots (docs/product.md §11.6): one grouped query per period, by a ticket column, or
// for root causes the period's complaints grouped here by the same cause key as recurrence detection.
import type { EntityManager } from 'typeorm';
import { causeKey } from '../complaints/complaint-recurrence.rules';
import type { GroupCount, HotspotDimension, Period } from './hotspots.rules';

const COLUMNS: Readonly<Record<Exclude<HotspotDimension, 'ROOT_CAUSE'>, string>> = {
  CATEGORY: 't.category',
  DEPARTMENT: 't.department_id::text',
  ASSET: 't.asset_id::text',
  CHANNEL: 't.channel',
};

export class HotspotRepository {
  constructor(private readonly manager: EntityManager) {}

  counts(dimension: HotspotDimension, period: Period): Promise<GroupCount[]> {
    return dimension === 'ROOT_CAUSE' ? this.rootCauses(period) : this.byColumn(COLUMNS[dimension], period);
  }

  private async byColumn(column: string, period: Period): Promise<GroupCount[]> {
    return this.manager.query(
      `select ${column} as key, count(*) filter (where t.kind = 'COMPLAINT')::int as complaints, count(*)::int as tickets
         from tickets t where t.created_at >= $1 and t.created_at < $2
        group by 1`,
      [period.from, period.to],
    );
  }

  /** Complaints not investigated yet form the group with key null; a cause is named as first recorded. */
  private async rootCauses(period: Period): Promise<GroupCount[]> {
    const rows: { root_cause: string | null }[] = await this.manager.query(
      `select d.root_cause from tickets t left join complaint_details d on d.ticket_id = t.id
        where t.kind = 'COMPLAINT' and t.created_at >= $1 and t.created_at < $2
        order by d.investigated_at nulls last`,
      [period.from, period.to],
    );
    const groups = new Map<string | null, { key: string | null; complaints: number }>();
    for (const { root_cause: cause } of rows) {
      const id = cause === null ? null : causeKey(cause);
      const group = groups.get(id) ?? { key: cause, complaints: 0 };
      group.complaints++;
      groups.set(id, group);
    }
    return [...groups.values()].map((group) => ({ ...group, tickets: null }));
  }
}
