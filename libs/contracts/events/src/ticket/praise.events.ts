// Praise (表揚, docs/product.md §11.7): a PRAISE ticket credited to the employees it praises.
import { Type } from '@sinclair/typebox';
import { snapshotEvents, type EventOf } from '../define-event';
import { Uuid } from '../schema';
import { ticketSnapshotProperties } from './ticket.events';

const praiseEvent = snapshotEvents('ticket', ticketSnapshotProperties);

export const TicketPraiseCredited = praiseEvent(
  'ticket.praise_credited',
  'A PRAISE ticket was credited to employees (000 §三(二)3 表揚信); employeeIds is the whole credited set after the ' +
    'change, previousEmployeeIds the set before (a correction replaces it).',
  {
    employeeIds: Type.Array(Uuid(), { minItems: 1, uniqueItems: true }),
    previousEmployeeIds: Type.Array(Uuid(), { uniqueItems: true }),
  },
);

export const praiseEventDefinitions = [TicketPraiseCredited] as const;
export type PraiseEvent = EventOf<(typeof praiseEventDefinitions)[number]>;
