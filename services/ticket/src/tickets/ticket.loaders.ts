// Per-request DataLoaders: every read that a list of tickets (or of parents) would repeat per item is one query per
// request instead. Created in createContext with the caller, so every batch applies the caller's scope.
import type { Caller } from '@opsgraph/domain';
import { createLoader } from '@opsgraph/graphql-kit';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { readsInternal, requireCallerOf, scopeOf, type TicketScope } from './ticket.access';
import type { Ticket } from './ticket.model';
import type { Keyset, TicketCriteria, TicketParent } from './ticket.query';
import { TicketRecordsRepository } from './ticket-records.repository';
import type {
  ComplaintDetails,
  HistoryEntry,
  PlanStep,
  ProgressUpdate,
  SuggestionReview,
  Survey,
} from './ticket.records';
import { TicketRepository } from './ticket.repository';

export interface ParentPageRequest {
  readonly criteria: TicketCriteria;
  readonly first: number;
  readonly after: Keyset | null;
}

export interface ParentPage {
  readonly tickets: Ticket[];
  readonly hasNextPage: boolean;
}

export class TicketLoaders {
  private readonly tickets: TicketRepository;
  private readonly records: TicketRecordsRepository;
  private readonly pageLoaders = new Map<string, DataLoader<string, ParentPage>>();
  private readonly countLoaders = new Map<string, DataLoader<string, number>>();

  readonly byId: DataLoader<string, Ticket | null>;
  readonly progress: DataLoader<string, ProgressUpdate[]>;
  readonly history: DataLoader<string, HistoryEntry[]>;
  readonly steps: DataLoader<string, PlanStep[]>;
  readonly survey: DataLoader<string, Survey | null>;
  readonly complaint: DataLoader<string, ComplaintDetails | null>;
  readonly suggestionReview: DataLoader<string, SuggestionReview | null>;

  constructor(
    manager: EntityManager,
    private readonly caller: Caller,
  ) {
    this.tickets = new TicketRepository(manager);
    this.records = new TicketRecordsRepository(manager);
    this.byId = createLoader(
      (ids) => this.tickets.findByIds(ids, this.scope()),
      (ticket) => ticket.id,
    );
    // Customers never see internal notes: they are not even read.
    this.progress = allPerTicket((ids) =>
      this.records.progress(
        ids,
        readsInternal(requireCallerOf(this.caller)) ? ['PUBLIC', 'INTERNAL'] : ['PUBLIC'],
      ),
    );
    this.history = allPerTicket((ids) => this.records.history(ids));
    this.steps = allPerTicket((ids) => this.records.steps(ids));
    this.survey = onePerTicket((ids) => this.records.surveys(ids));
    this.complaint = onePerTicket((ids) => this.records.complaints(ids));
    this.suggestionReview = onePerTicket((ids) => this.records.suggestionReviews(ids));
  }

  /** The caller's scope; throws UNAUTHENTICATED/FORBIDDEN, which rejects the loads of the batch. */
  scope(): TicketScope {
    return scopeOf(this.caller);
  }

  /**
   * One page of tickets per parent (customer, assignee, asset, incident), for all parents that ask with the same
   * arguments in this request, in one query.
   */
  pageOf(parent: TicketParent, parentId: string, request: ParentPageRequest): Promise<ParentPage> {
    const key = `${parent}:${JSON.stringify(request)}`;
    let loader = this.pageLoaders.get(key);
    if (loader === undefined) {
      loader = new DataLoader(async (parentIds) => {
        const limit = request.first + 1;
        const pages = await this.tickets.pagesByParent({
          parent,
          parentIds,
          criteria: request.criteria,
          scope: this.scope(),
          limit,
          after: request.after,
        });
        return parentIds.map((id) => {
          const rows = pages.get(id) ?? [];
          return { tickets: rows.slice(0, request.first), hasNextPage: rows.length > request.first };
        });
      });
      this.pageLoaders.set(key, loader);
    }
    return loader.load(parentId);
  }

  /** totalCount of a parent's tickets, batched like pageOf. */
  countOf(parent: TicketParent, parentId: string, criteria: TicketCriteria): Promise<number> {
    const key = `${parent}:${JSON.stringify(criteria)}`;
    let loader = this.countLoaders.get(key);
    if (loader === undefined) {
      loader = new DataLoader(async (parentIds) => {
        const counts = await this.tickets.countByParent(parent, parentIds, criteria, this.scope());
        return parentIds.map((id) => counts.get(id) ?? 0);
      });
      this.countLoaders.set(key, loader);
    }
    return loader.load(parentId);
  }
}

/** A ticket's record, e.g. its survey: what the loaders below key by. */
interface TicketRecord {
  readonly ticketId: string;
}

type FetchByTickets<T> = (ticketIds: readonly string[]) => Promise<T[]>;

/** A loader of "each ticket's record, or null" (at most one per ticket), from one query for many tickets. */
function onePerTicket<T extends TicketRecord>(fetch: FetchByTickets<T>): DataLoader<string, T | null> {
  return createLoader(fetch, (row) => row.ticketId);
}

/** A loader of "all records of each ticket", from one query for many tickets. */
export function allPerTicket<T extends TicketRecord>(fetch: FetchByTickets<T>): DataLoader<string, T[]> {
  return new DataLoader(async (ids) => {
    const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
    for (const row of await fetch(ids)) groups.get(row.ticketId)?.push(row);
    return ids.map((id) => groups.get(id) ?? []);
  });
}
