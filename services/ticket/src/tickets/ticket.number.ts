// Human-readable ticket numbers: TCK- and the sequence value (see @opsgraph/domain's readableNumber).
import { readableNumber } from '@opsgraph/domain';

const TICKET_NUMBERS = readableNumber('TCK', 'ticket');

/** @throws RangeError when seq is not a positive safe integer (a sequence value never is). */
export const formatTicketNumber = TICKET_NUMBERS.format;

/** The sequence value of a ticket number, or null when the text is not one ('TCK-0000123' is not). */
export const parseTicketNumber = TICKET_NUMBERS.parse;
