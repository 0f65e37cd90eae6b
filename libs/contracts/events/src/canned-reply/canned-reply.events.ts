// Canned replies (docs/product.md §12.5): reply templates managers write for every department or one. Each event
// carries the reply's metadata after it (after a deletion: as it was), never its text: consumers that need the text
// read the graph.
import { Type } from '@sinclair/typebox';
import { snapshotEvents, type EventOf } from '../define-event';
import { Nullable, StringEnum, Text, Uuid } from '../schema';

export const CANNED_REPLY_VARIABLE_NAMES = [
  'customer.name',
  'ticket.number',
  'ticket.subject',
  'ticket.dueAt',
] as const;

export const cannedReplySnapshotProperties = {
  replyId: Uuid(),
  title: Text(),
  departmentId: Nullable(Uuid(), { description: 'Null: for every department.' }),
  variables: Type.Array(StringEnum(CANNED_REPLY_VARIABLE_NAMES), {
    uniqueItems: true,
    description: 'The variables the template uses, in order of first appearance.',
  }),
};

const cannedReplyEvent = snapshotEvents('canned-reply', cannedReplySnapshotProperties);

export const CannedReplyDefined = cannedReplyEvent('canned-reply.defined', 'A canned reply was written.', {});
export const CannedReplyChanged = cannedReplyEvent(
  'canned-reply.changed',
  'A canned reply’s title, text or department changed.',
  {},
);
export const CannedReplyDeleted = cannedReplyEvent(
  'canned-reply.deleted',
  'A canned reply was deleted (the data is the reply as it was); staff no longer find it.',
  {},
);

export const cannedReplyEventDefinitions = [CannedReplyDefined, CannedReplyChanged, CannedReplyDeleted] as const;
export type CannedReplyEvent = EventOf<(typeof cannedReplyEventDefinitions)[number]>;
