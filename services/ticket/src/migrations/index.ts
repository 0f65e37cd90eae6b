import { CreateTickets1762000000000 } from './1762000000000-CreateTickets';
import { CreateTicketRecords1762000000001 } from './1762000000001-CreateTicketRecords';
import { CreateSlaPolicies1762000000002 } from './1762000000002-CreateSlaPolicies';
import { AddTicketImportHold1762000000003 } from './1762000000003-AddTicketImportHold';

/** The ticket service's own migrations, in order (the platform's come first, see data-source.ts). */
export const ticketMigrations = [
  CreateTickets1762000000000,
  CreateTicketRecords1762000000001,
  CreateSlaPolicies1762000000002,
  AddTicketImportHold1762000000003,
];
