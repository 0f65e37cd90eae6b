// Per-request loaders of complaint handling: one query for the corrective actions of all tickets of a response.
import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { allPerTicket } from '../tickets/ticket.loaders';
import { CorrectiveActionRepository } from './corrective-action.repository';
import type { CorrectiveAction } from './corrective-action.rules';

export class ComplaintLoaders {
  readonly actions: DataLoader<string, CorrectiveAction[]>;

  constructor(manager: EntityManager) {
    const repository = new CorrectiveActionRepository(manager);
    this.actions = allPerTicket((ids) => repository.ofTickets(ids));
  }
}
