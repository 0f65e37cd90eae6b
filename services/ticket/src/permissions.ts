// Who may do what in the ticket service: action → roles. Finer rules build on this table in tickets/ticket.access.ts
// (which tickets a caller sees, a customer's limits on closing and commenting, masked contact data).
import { definePermissions, Role } from '@opsgraph/domain';

/** Managers of the operations centre: they decide on complaints, suggestions and SLA targets. */
export const TICKET_MANAGER_ROLES: readonly Role[] = [Role.OPS_MANAGER, Role.OPS_DIRECTOR, Role.ADMIN];
/** Employees who work tickets (front line and managers); not ANALYST, HR or CUSTOMER. */
export const TICKET_HANDLER_ROLES: readonly Role[] = [Role.AGENT, Role.TECHNICIAN, ...TICKET_MANAGER_ROLES];
const HANDLERS_AND_CUSTOMER = [...TICKET_HANDLER_ROLES, Role.CUSTOMER];

export const ticketPermissions = definePermissions({
  OPEN: HANDLERS_AND_CUSTOMER,
  ACKNOWLEDGE: TICKET_HANDLER_ROLES,
  ASSIGN: TICKET_HANDLER_ROLES,
  START_WORK: TICKET_HANDLER_ROLES,
  AWAIT_CUSTOMER: TICKET_HANDLER_ROLES,
  CUSTOMER_RESPONDED: TICKET_HANDLER_ROLES,
  RESOLVE: TICKET_HANDLER_ROLES,
  // A customer closes by confirming the resolution (CUSTOMER_CONFIRMED only; checked by the use-case).
  CLOSE: HANDLERS_AND_CUSTOMER,
  REOPEN: TICKET_HANDLER_ROLES,
  TRANSFER: TICKET_HANDLER_ROLES,
  ESCALATE: TICKET_HANDLER_ROLES,
  // A customer comments publicly only (checked by the use-case).
  ADD_PROGRESS: HANDLERS_AND_CUSTOMER,
  PLAN_STEPS: TICKET_HANDLER_ROLES,
  COMPLETE_STEP: TICKET_HANDLER_ROLES,
  // Staff may record a survey taken by phone.
  SUBMIT_SURVEY: HANDLERS_AND_CUSTOMER,
  // Judging responsibility for a complaint and accepting suggestions are management decisions.
  RECORD_COMPLAINT_INVESTIGATION: TICKET_MANAGER_ROLES,
  RECORD_COMPLAINT_FOLLOW_UP: TICKET_MANAGER_ROLES,
  REVIEW_SUGGESTION: TICKET_MANAGER_ROLES,
  // Corrective actions (docs/product.md §11.2): managers plan and verify them; the owner (or a manager, checked by
  // the use-case) reports one done; whoever handles the complaint tells the complainant the outcome.
  // Crediting praise counts for the employees credited: a management decision (docs/product.md §11.7).
  CREDIT_PRAISE: TICKET_MANAGER_ROLES,
  // Correcting the classification, urgency or impact after intake (003 §二(二)) is the handler's call.
  REASSESS: TICKET_HANDLER_ROLES,
  ADD_CORRECTIVE_ACTION: TICKET_MANAGER_ROLES,
  COMPLETE_CORRECTIVE_ACTION: TICKET_HANDLER_ROLES,
  VERIFY_CORRECTIVE_ACTION: TICKET_MANAGER_ROLES,
  GIVE_COMPLAINT_FEEDBACK: TICKET_HANDLER_ROLES,
  /** The improvement register (docs/product.md §11.9): managers raise, verify and revise; the owner implements. */
  READ_IMPROVEMENTS: [...TICKET_HANDLER_ROLES, Role.ANALYST],
  MANAGE_IMPROVEMENTS: TICKET_MANAGER_ROLES,
  IMPLEMENT_IMPROVEMENTS: TICKET_HANDLER_ROLES,
  /** Complaint hot spots (docs/product.md §11.6): across departments, so managers and analysts. */
  READ_COMPLAINT_HOTSPOTS: [...TICKET_MANAGER_ROLES, Role.ANALYST],
  /** Reading beyond the customer's view: internal notes, history, plans, complaint findings, SLA policies. */
  READ_INTERNAL: [...TICKET_HANDLER_ROLES, Role.ANALYST],
  UPDATE_SLA_POLICY: [Role.ADMIN, Role.OPS_DIRECTOR],
  /** Business-hours calendars (docs/product.md §12.1) are SLA targets too. */
  MANAGE_SLA_CALENDARS: [Role.ADMIN, Role.OPS_DIRECTOR],
  /** Routing rules (docs/product.md §12.3) decide who gets work: managers. */
  MANAGE_ROUTING: TICKET_MANAGER_ROLES,
  /** Related links and parent/child between tickets (docs/product.md §12.4). */
  LINK: TICKET_HANDLER_ROLES,
  /** Merging duplicates into one ticket (docs/product.md §12.4). */
  MERGE: TICKET_HANDLER_ROLES,
  /** Canned replies (docs/product.md §12.5): managers write them, handlers use them. */
  MANAGE_CANNED_REPLIES: TICKET_MANAGER_ROLES,
  /** The knowledge base (docs/product.md §12.6): staff and analysts read (per department, knowledge-article.rules.ts),
   * handlers write, managers approve publication (P1 §三(一)2) and archive. */
  READ_KNOWLEDGE: [...TICKET_HANDLER_ROLES, Role.ANALYST],
  WRITE_KNOWLEDGE: TICKET_HANDLER_ROLES,
  APPROVE_KNOWLEDGE: TICKET_MANAGER_ROLES,
  /** Time tracking (docs/product.md §12.7): handlers log their own time, managers anyone's (time-entry.rules.ts). */
  LOG_TIME: TICKET_HANDLER_ROLES,
  UPDATE_TIME_ENTRY: TICKET_HANDLER_ROLES,
  DELETE_TIME_ENTRY: TICKET_HANDLER_ROLES,
});

export type TicketPermission = keyof typeof ticketPermissions.table;
