import { CreateTickets1762000000000 } from './1762000000000-CreateTickets';
import { CreateTicketRecords1762000000001 } from './1762000000001-CreateTicketRecords';
import { CreateSlaPolicies1762000000002 } from './1762000000002-CreateSlaPolicies';
import { AddTicketImportHold1762000000003 } from './1762000000003-AddTicketImportHold';
import { MoveTicketHistoryToAuditLog1762000000004 } from './1762000000004-MoveTicketHistoryToAuditLog';
import { CreateKnownReferences1762000000005 } from './1762000000005-CreateKnownReferences';
import { CreateCorrectiveActions1762000000006 } from './1762000000006-CreateCorrectiveActions';
import { CreateComplaintCauseReports1762000000007 } from './1762000000007-CreateComplaintCauseReports';
import { CreatePersonalDataAccessLog1762000000008 } from './1762000000008-CreatePersonalDataAccessLog';
import { AddPraise1762000000009 } from './1762000000009-AddPraise';
import { AddPlanStepOverdue1762000000010 } from './1762000000010-AddPlanStepOverdue';
import { CreateImprovements1762000000011 } from './1762000000011-CreateImprovements';
import { CreateIncidentFanoutHolds1762000000012 } from './1762000000012-CreateIncidentFanoutHolds';
import { AddSlaPauseReasons1762000000013 } from './1762000000013-AddSlaPauseReasons';
import { CreateSlaCalendars1762000000014 } from './1762000000014-CreateSlaCalendars';
import { CreateRoutingRules1762000000015 } from './1762000000015-CreateRoutingRules';
import { CreateTicketRelations1762000000016 } from './1762000000016-CreateTicketRelations';
import { CreateCannedReplies1762000000017 } from './1762000000017-CreateCannedReplies';
import { CreateKnowledgeBase1762000000018 } from './1762000000018-CreateKnowledgeBase';
import { AddTicketMerges1762000000019 } from './1762000000019-AddTicketMerges';
import { CreateKnownAssets1762000000025 } from './1762000000025-CreateKnownAssets';
import { FoldKnowledgeSearchScripts1762000000026 } from './1762000000026-FoldKnowledgeSearchScripts';
import { CreateTimeEntries1762000000030 } from './1762000000030-CreateTimeEntries';

/** The ticket service's own migrations, in order (the kit runs the platform's and the audit log's first). */
export const ticketMigrations = [
  CreateTickets1762000000000,
  CreateTicketRecords1762000000001,
  CreateSlaPolicies1762000000002,
  AddTicketImportHold1762000000003,
  MoveTicketHistoryToAuditLog1762000000004,
  CreateKnownReferences1762000000005,
  CreateCorrectiveActions1762000000006,
  CreateComplaintCauseReports1762000000007,
  CreatePersonalDataAccessLog1762000000008,
  AddPraise1762000000009,
  AddPlanStepOverdue1762000000010,
  CreateImprovements1762000000011,
  CreateIncidentFanoutHolds1762000000012,
  AddSlaPauseReasons1762000000013,
  CreateSlaCalendars1762000000014,
  CreateRoutingRules1762000000015,
  CreateTicketRelations1762000000016,
  CreateCannedReplies1762000000017,
  CreateKnowledgeBase1762000000018,
  AddTicketMerges1762000000019,
  CreateKnownAssets1762000000025,
  FoldKnowledgeSearchScripts1762000000026,
  CreateTimeEntries1762000000030,
];
