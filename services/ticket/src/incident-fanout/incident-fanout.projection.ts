// The incident fan-out (docs/product.md §5 "Fan-out"): on incident.activated, the open tickets of the
// affected assets and customers are linked to the incident and their resolution clocks paused (reason INCIDENT),
// each key account gets a ticket of its own, and every such ticket gets a public progress update; on
// incident.resolved, the clocks resume and the tickets the fan-out opened are resolved.
//
// Exactly once: each event is handled in the transaction that records it as processed (the kit's inbox), so a
// duplicate or a redelivery after a crash changes nothing; and the holds table makes a replay of the topic a no-op.
import {
  SYSTEM_ACTOR,
  TicketOpened,
  TicketProgressAdded,
  TicketResolved,
  type EventOf,
  type IncidentActivated,
  type IncidentResolved,
} from '@opsgraph/contracts-events';
import { systemClock, type Clock } from '@opsgraph/domain';
import { OutboxWriter } from '@opsgraph/messaging';
import { defineProjection, draft, WriteTransaction, type Projection } from '@opsgraph/service-kit';
import type { ServiceConfig } from '@opsgraph/service-runtime';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { calendarOf } from '../sla-calendars/sla-calendar.rules';
import { elapsedResolutionSeconds } from '../sla/sla-clock';
import { DEFAULT_SLA_POLICIES } from '../sla/sla-policy';
import {
  breachChange,
  repositoriesOf,
  saveTicket,
  type TicketChange,
} from '../tickets/ticket.command-runner';
import { firstResponseSeconds, snapshotOf } from '../tickets/ticket.events';
import { openTicket, type Ticket } from '../tickets/ticket.model';
import { priorityOf } from '../tickets/ticket.priority';
import { TICKET } from '../tickets/ticket.repository';
import { IncidentFanoutRepository } from './incident-fanout.repository';
import {
  holdForIncident,
  INCIDENT_PAUSE_REASON,
  keyAccountsToOpen,
  progressOnActivation,
  progressOnResolution,
  releaseFromIncident,
  resolveWithIncident,
  SEVERITY_TO_PRIORITY,
  ticketsToHold,
} from './incident-fanout.rules';

type Activated = EventOf<typeof IncidentActivated>;
type Resolved = EventOf<typeof IncidentResolved>;

export interface FanoutOptions {
  readonly clock?: Clock;
  /** Tests: called after each ticket is changed, inside the transaction (a throw rolls the whole event back). */
  readonly afterTicket?: (ticketId: string) => void;
}

/** The system's write transaction on the projection's transaction: ticket rows, audit lines and outbox together. */
function systemTransaction(
  manager: EntityManager,
  event: { correlationId: string },
  config: ServiceConfig,
  clock: Clock,
) {
  return new WriteTransaction(
    manager,
    { caller: null, correlationId: event.correlationId, actor: SYSTEM_ACTOR },
    {
      dataSource: manager.connection,
      outbox: new OutboxWriter({ namespace: config.kafkaTopicNamespace }),
      producer: 'ticket',
      clock,
    },
  );
}

/** A public progress update on the ticket, and its event. */
async function progress(tx: WriteTransaction, ticket: Ticket, body: string) {
  const progressId = randomUUID();
  await repositoriesOf(tx).records.insertProgress({
    id: progressId,
    ticketId: ticket.id,
    visibility: 'PUBLIC',
    body,
    authorId: null,
    authorRole: SYSTEM_ACTOR.role,
    createdAt: tx.now,
  });
  return draft(TicketProgressAdded, { ...snapshotOf(ticket), progressId, visibility: 'PUBLIC', body });
}

async function onActivated(event: Activated, tx: WriteTransaction, options: FanoutOptions): Promise<void> {
  const {
    incidentId,
    number,
    title,
    affectedAssetIds,
    affectedCustomerIds,
    affectedKeyAccountIds,
    severity,
  } = event.data;
  const fanout = new IncidentFanoutRepository(tx.manager);
  const holds = await fanout.holdsOf(incidentId);
  const details = { reason: INCIDENT_PAUSE_REASON, incidentId, incidentNumber: number };
  const body = progressOnActivation(number, title);

  const candidates = await fanout.openTickets(incidentId, affectedAssetIds, affectedCustomerIds);
  for (const ticketId of ticketsToHold(incidentId, candidates, holds)) {
    const before = await tx.load(TICKET, ticketId);
    const breach = breachChange(before, tx.now);
    const held = holdForIncident(breach?.ticket ?? before, incidentId, tx.now);
    const hold: TicketChange = {
      ticket: held,
      action: 'INCIDENT_HOLD',
      events: [await progress(tx, held, body)],
      details,
      actor: SYSTEM_ACTOR,
    };
    await saveTicket(tx, before, breach ? [breach, hold] : [hold]);
    await fanout.hold({ incidentId, ticketId, customerId: before.customerId, openedByFanout: false }, tx.now);
    options.afterTicket?.(ticketId);
  }

  const { tickets, policies, calendars } = repositoriesOf(tx);
  const slaPolicies = await policies.all();
  for (const customerId of keyAccountsToOpen(affectedKeyAccountIds, holds)) {
    const { urgency, impact } = SEVERITY_TO_PRIORITY[severity];
    const slaCalendar = await calendars.forTicket({
      customerId,
      departmentId: null,
      priority: priorityOf(urgency, impact),
    });
    const opened = openTicket(
      { id: randomUUID(), number: await tickets.nextNumber() },
      {
        kind: 'FAULT',
        category: 'OTHER',
        channel: 'HOTLINE',
        subject: `Incident ${number}: ${title}`.slice(0, 200),
        description: `Opened for this key account by incident ${number}. ${title}`,
        customerId,
        contact: { name: null, phone: null, email: null },
        ...SEVERITY_TO_PRIORITY[severity],
        departmentId: null,
        assetId: null,
        incidentId,
        promisedResolutionAt: null,
      },
      tx.now,
      (priority) =>
        slaPolicies.find((policy) => policy.priority === priority) ?? DEFAULT_SLA_POLICIES[priority],
      slaCalendar,
    );
    const saved = await saveTicket(tx, null, [
      {
        ticket: opened,
        action: 'OPEN',
        events: [draft(TicketOpened, { ...snapshotOf(opened), assetId: null, incidentId })],
        details: { kind: opened.kind, channel: opened.channel, priority: opened.priority, incidentId },
        actor: SYSTEM_ACTOR,
      },
    ]);
    // The progress row needs the ticket's row: hold it in a second change, once it is written.
    const held = holdForIncident(saved, incidentId, tx.now);
    await saveTicket(tx, saved, [
      {
        ticket: held,
        action: 'INCIDENT_HOLD',
        events: [await progress(tx, held, body)],
        details,
        actor: SYSTEM_ACTOR,
      },
    ]);
    await fanout.hold({ incidentId, ticketId: opened.id, customerId, openedByFanout: true }, tx.now);
    options.afterTicket?.(opened.id);
  }
}

async function onResolved(event: Resolved, tx: WriteTransaction, options: FanoutOptions): Promise<void> {
  const { incidentId, number } = event.data;
  const fanout = new IncidentFanoutRepository(tx.manager);
  const details = { reason: INCIDENT_PAUSE_REASON, incidentId, incidentNumber: number };
  for (const hold of (await fanout.holdsOf(incidentId)).filter((h) => h.releasedAt === null)) {
    const before = await tx.load(TICKET, hold.ticketId);
    const breach = breachChange(before, tx.now);
    const released = releaseFromIncident(breach?.ticket ?? before, tx.now);
    const changes: TicketChange[] = [
      ...(breach ? [breach] : []),
      {
        ticket: released,
        action: 'INCIDENT_RELEASE',
        events: [await progress(tx, released, progressOnResolution(number))],
        details,
        actor: SYSTEM_ACTOR,
      },
    ];
    const summary = `Resolved with incident ${number}`;
    const resolved = hold.openedByFanout ? resolveWithIncident(released, summary, tx.now) : null;
    if (resolved) {
      changes.push({
        ticket: resolved,
        action: 'RESOLVE',
        events: [
          draft(TicketResolved, {
            ...snapshotOf(resolved),
            resolutionSummary: summary,
            firstResponseSeconds: firstResponseSeconds(resolved),
            resolutionSeconds: Math.round(
              elapsedResolutionSeconds(released.sla, tx.now, calendarOf(released.slaCalendar)),
            ),
            withinSla: resolved.responseBreachedAt === null && resolved.resolutionBreachedAt === null,
          }),
        ],
        details: { resolutionSummary: summary, incidentId },
        actor: SYSTEM_ACTOR,
      });
    }
    await saveTicket(tx, before, changes);
    await fanout.release(incidentId, hold.ticketId, tx.now);
    options.afterTicket?.(hold.ticketId);
  }
}

/** The projection, bound to the service's configuration (its outbox namespace). */
export function incidentFanout(config: ServiceConfig, options: FanoutOptions = {}): Projection {
  const clock = options.clock ?? systemClock;
  return defineProjection({
    name: 'incident-fanout',
    topics: ['incident'],
    handles: ['incident.activated', 'incident.resolved'],
    // Nothing to empty on a replay: the holds make a second pass a no-op, and the tickets are the ticket service's own.
    tables: [],
    async handle(event, manager) {
      const tx = systemTransaction(manager, event, config, clock);
      if (event.type === 'incident.activated') await onActivated(event, tx, options);
      else await onResolved(event, tx, options);
    },
  });
}
