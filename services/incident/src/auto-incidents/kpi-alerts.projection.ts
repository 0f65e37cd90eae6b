// Consumes `kpi.alert_fired` (opsgraph.kpi.alerts.v1) and opens the incident the alert calls for, through the
// existing use-case (docs/product.md §5 "Auto-incidents"). Exactly one incident per alert: the use-case answers the
// incident an alert already opened (unique source_alert_id), so redeliveries, replays and concurrent consumers
// change nothing. It writes in its own unit of work (row + audit + outbox); the projection keeps no table.
import { systemClock, type Clock } from '@opsgraph/domain';
import { OutboxWriter } from '@opsgraph/messaging';
import { defineProjection, UnitOfWork, type Projection } from '@opsgraph/service-kit';
import type { ServiceConfig } from '@opsgraph/service-runtime';
import { IncidentService } from '../incidents/incident.service';
import { PlanService } from '../plans/plan.service';

export function kpiAlertIncidents(config: ServiceConfig, clock: Clock = systemClock): Projection {
  return defineProjection({
    name: 'kpi-alert-incidents',
    topics: ['kpi'],
    handles: ['kpi.alert_fired'],
    tables: [],
    async handle(event, manager) {
      const unitOfWork = new UnitOfWork({
        dataSource: manager.connection,
        outbox: new OutboxWriter({ namespace: config.kafkaTopicNamespace }),
        producer: 'incident',
        clock,
      });
      await new IncidentService(unitOfWork, new PlanService(unitOfWork)).openFromAlert(
        event.data,
        event.correlationId,
      );
    },
  });
}
