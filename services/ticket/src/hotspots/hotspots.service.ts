// complaintHotspots (docs/product.md §11.6): managers and analysts, over at most a year.
import { BadUserInputError, type Caller } from '@opsgraph/domain';
import type { EntityManager } from 'typeorm';
import { ticketPermissions } from '../permissions';
import { HotspotRepository } from './hotspots.repository';
import { hotspotsOf, previousPeriod, type Hotspot, type HotspotDimension, type Period } from './hotspots.rules';

const MAX_PERIOD_MS = 366 * 24 * 60 * 60 * 1000;

export interface HotspotReport {
  readonly period: Period;
  readonly previous: Period;
  readonly total: number;
  readonly hotspots: Hotspot[];
}

export class HotspotService {
  constructor(private readonly manager: EntityManager) {}

  async report(caller: Caller, period: Period, by: HotspotDimension): Promise<HotspotReport> {
    ticketPermissions.require(caller, 'READ_COMPLAINT_HOTSPOTS');
    const length = period.to.getTime() - period.from.getTime();
    if (!(length > 0)) throw new BadUserInputError('The period must end after it starts', 'period.to');
    if (length > MAX_PERIOD_MS) throw new BadUserInputError('The period is at most 366 days', 'period');
    const repository = new HotspotRepository(this.manager);
    const previous = previousPeriod(period);
    const hotspots = hotspotsOf(await repository.counts(by, period), await repository.counts(by, previous));
    return { period, previous, total: hotspots.reduce((sum, spot) => sum + spot.count, 0), hotspots };
  }
}
