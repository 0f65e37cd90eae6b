import type { EventActor } from '../envelope';
import { createEvent, type EventDefinition } from '../define-event';
import { topicFor, type DomainEvent } from '../topics';
import type { CustomerSnapshot } from '../customer/customer.events';
import type { AppraisalEvent } from '../hr/appraisal.events';
import type { DepartmentSnapshot, EmployeeSnapshot } from '../hr/hr.events';
import type { TicketSnapshot } from '../ticket/ticket.events';
import type { AssetSnapshot } from '../asset/asset.events';

/** Realistic data for every event type; the mapped type makes a new event without a sample a compile error. */
export type EventDataSamples = { [E in DomainEvent as E['type']]: E['data'] };

const TICKET_ID = '3f7c1a52-8e4b-4d2a-9c61-0b5e2f9a7d14';
const CUSTOMER_ID = '9b2e6d40-1c3f-4a85-b7e2-5d8f0a1c3e67';
const AGENT_ID = 'c41d8e27-6a5b-4f90-8e13-2b7c9d0f4a58';
const TECHNICIAN_ID = '5e8a2c1f-7b3d-4e69-a0f4-8d1b6c2e9f30';
const CS_DEPARTMENT_ID = '0a6f3e8d-2b1c-4d57-9e84-7c5a1f2b3d96';
const TECH_DEPARTMENT_ID = 'e7b4c2a9-5d3f-4168-b2e0-9a8c7d6f5e41';
const CORRECTIVE_ACTION_ID = '3c9e7a51-8d2f-4b6a-9e1c-5f4d3b2a1c0e';
const OPS_CENTRE_ID = '2d9c7b5a-3e1f-4a08-96b4-1c8e7f6d5a23';

const asset: AssetSnapshot = {
  assetId: '5d3c2b1a-0f9e-4d8c-b7a6-958473625140',
  tag: 'AST-000042',
  name: 'Core switch, rack B2',
  category: 'NETWORK',
  model: 'Catalyst 9300-48P',
  status: 'IN_USE',
  custodianId: TECHNICIAN_ID,
  departmentId: TECH_DEPARTMENT_ID,
  location: 'Data centre, room 2',
};
const PLAN_ID = '8c7b6a59-4d3e-4f21-a0b9-c8d7e6f5a4b3';
const FAULT_ID = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

const incident: EventDataSamples['incident.contained'] = {
  incidentId: '5d3c2b1a-0f9e-4d8c-b7a6-958473625140',
  number: 'INC-000042',
  title: 'North pumping station power failure',
  category: 'TECHNICAL_FAILURE',
  severity: 'SEV2',
  status: 'REPORTED',
  occurredAt: '2025-03-03T01:10:00.000Z',
  affectedCustomerIds: [CUSTOMER_ID],
  affectedAssetIds: ['6e5d4c3b-2a19-4087-b6a5-948372615041'],
  affectedServices: ['Water supply, north district'],
  commanderId: null,
};

const risk: EventDataSamples['risk.registered'] = {
  riskId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  title: 'Power failure at a pumping station',
  category: 'TECHNICAL_FAILURE',
  likelihood: 3,
  impact: 4,
  score: 12,
  level: 'HIGH',
  residualScore: 6,
  ownerId: TECHNICIAN_ID,
  nextReviewOn: '2025-06-01',
};

const slaCalendar = {
  calendarId: '2c3d4e5f-6071-4829-93a4-b5c6d7e8f901',
  name: '上海服務台 Shanghai service desk',
  timeZone: 'Asia/Shanghai',
  hours: [
    { weekday: 'MON' as const, from: '09:00', to: '12:00' },
    { weekday: 'MON' as const, from: '13:00', to: '18:00' },
  ],
  holidays: [{ date: '10-01', name: '國慶節' }],
  assignments: [{ scope: 'PRIORITY' as const, key: 'P1' }],
};

const knowledgeArticle = {
  articleId: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
  status: 'DRAFT' as const,
  revision: 1,
  title: '打印機卡紙 Printer paper jam',
  category: 'Office equipment',
  tags: ['printer', '打印機'],
  departmentId: null,
  solvedCount: 0,
};

const routingRule: EventDataSamples['routing-rule.defined'] = {
  ruleId: '6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a',
  name: 'Network faults: technicians by load',
  position: 10,
  active: true,
  kinds: ['FAULT'],
  categories: ['SYSTEM_FAULT'],
  channels: [],
  tiers: ['VIP', 'KEY_ACCOUNT'],
  assetCategories: ['NETWORK'],
  departmentId: TECH_DEPARTMENT_ID,
  strategy: 'LOAD_BASED',
  maxLoad: 8,
};

const cannedReply: EventDataSamples['canned-reply.defined'] = {
  replyId: '4b3a2f1e-0d9c-4b8a-8f7e-6d5c4b3a2f1e',
  title: 'Fault received',
  departmentId: CS_DEPARTMENT_ID,
  variables: ['customer.name', 'ticket.number', 'ticket.dueAt'],
};

const improvement = {
  improvementId: '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9',
  title: 'Call-back queue in the shift hand-over',
  source: 'COMPLAINT' as const,
  sourceTicketId: TICKET_ID,
  ownerId: AGENT_ID,
  deadline: '2025-04-01T00:00:00.000Z',
  kpi: 'Complaints per 100 tickets',
  direction: 'DECREASE' as const,
  baseline: 2.4,
  target: 1,
  status: 'OPEN' as const,
};

export const AGENT_ACTOR: EventActor = { id: AGENT_ID, role: 'AGENT' };

const ticket: TicketSnapshot = {
  ticketId: TICKET_ID,
  number: 'TCK-000123',
  kind: 'FAULT',
  category: 'SYSTEM_FAULT',
  channel: 'HOTLINE',
  priority: 'P2',
  status: 'IN_PROGRESS',
  customerId: CUSTOMER_ID,
  assigneeId: TECHNICIAN_ID,
  departmentId: TECH_DEPARTMENT_ID,
  openedAt: '2025-03-03T01:15:00.000Z',
  acknowledgedAt: '2025-03-03T01:22:41.000Z',
  resolvedAt: null,
  closedAt: null,
  responseDueAt: '2025-03-03T01:45:00.000Z',
  resolutionDueAt: '2025-03-03T09:15:00.000Z',
  escalationLevel: 0,
};

const timeEntry: EventDataSamples['ticket.time_logged'] = {
  ...ticket,
  entryId: '6b5a4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d',
  entryVersion: 1,
  employeeId: TECHNICIAN_ID,
  employeeDepartmentId: TECH_DEPARTMENT_ID,
  activity: 'ON_SITE',
  minutes: 75,
  workedOn: '2025-03-03',
  startedAt: '2025-03-03T08:15:00.000Z',
  ticketTotalMinutes: 120,
};

const complaint: TicketSnapshot = {
  ...ticket,
  kind: 'COMPLAINT',
  category: null,
  departmentId: CS_DEPARTMENT_ID,
};

const customer: CustomerSnapshot = {
  customerId: CUSTOMER_ID,
  code: 'C-2025-0042',
  name: 'Harbour Logistics Ltd.',
  type: 'ORGANIZATION',
  tier: 'KEY_ACCOUNT',
  tags: ['logistics', 'north-region'],
  preferredChannel: 'EMAIL',
  language: 'zh-TW',
};

const employee: EmployeeSnapshot = {
  employeeId: TECHNICIAN_ID,
  employeeNumber: 'E-0107',
  name: 'Chen Wei',
  position: 'TECHNICIAN',
  departmentId: TECH_DEPARTMENT_ID,
  managerId: AGENT_ID,
  hireDate: '2022-09-01',
  status: 'ACTIVE',
};

type AppraisalSnapshot = Omit<AppraisalEvent['data'], 'reason' | 'changedFields'>;

const appraisal: AppraisalSnapshot = {
  appraisalId: '8c1f4e2a-6b3d-4a97-b5e0-2d7c9f1a3b64',
  cycleId: '4a2b6c8d-1e3f-4b5a-9c7d-0e2f4a6b8c1d',
  employeeId: TECHNICIAN_ID,
  departmentId: TECH_DEPARTMENT_ID,
  period: '2025-03',
  periodKind: 'MONTHLY',
  status: 'OPEN',
  kpiScore: null,
  customerScore: null,
  totalScore: null,
  grade: null,
  bonusCoefficient: null,
  deductionRate: null,
  publishedAt: null,
};

const calibrated: AppraisalSnapshot = {
  ...appraisal,
  status: 'CALIBRATION',
  kpiScore: 76.39,
  customerScore: 62.5,
  totalScore: 69.3,
  grade: 'C',
};

const published: AppraisalSnapshot = {
  ...calibrated,
  status: 'PUBLISHED',
  bonusCoefficient: 1,
  deductionRate: 0.2,
  publishedAt: '2025-04-10T02:00:00.000Z',
};

const training = {
  trainingId: '7e3d5c1b-9a2f-4e8d-b6c4-1a3f5e7d9b20',
  planId: '2b4d6f8a-0c1e-4a3b-8d5f-7e9a1c3b5d70',
  departmentId: CS_DEPARTMENT_ID,
  title: 'Handling complaints on the hotline',
  kind: 'INTERNAL' as const,
  startsOn: '2025-04-14',
  endsOn: '2025-04-15',
  capacity: 12,
  enrolled: 1,
};

const department: DepartmentSnapshot = {
  departmentId: TECH_DEPARTMENT_ID,
  code: 'TECH',
  name: 'Technical Support',
  parentId: OPS_CENTRE_ID,
  managerId: AGENT_ID,
};

const kpiAlertIdentity = {
  alertId: '6e4d3c2b-1a0f-4e9d-8c7b-6a5948372615',
  ruleId: '7f5e4d3c-2b1a-4f0e-9d8c-7b6a59483726',
  ruleName: 'SLA breach rate over the last hour',
  kpi: 'SLA_BREACH_RATE',
  dimension: 'OVERALL',
  severity: 'CRITICAL' as const,
  threshold: 0.1,
};
const kpiAlert = { ...kpiAlertIdentity, value: 0.25, firedAt: '2025-03-03T02:10:00.000Z' };
const kpiSnapshot = {
  snapshotId: '9b7a6f5e-4d3c-4b2a-9f1e-0d9c8b7a6f5e',
  periodKind: 'MONTH' as const,
  periodStart: '2025-02-01',
  periodEnd: '2025-02-28',
  timeZone: 'Asia/Hong_Kong',
  dimensionKind: 'DEPARTMENT',
  dimensionValue: TECH_DEPARTMENT_ID,
  figures: {
    tickets: 120,
    ticketsResolved: 112,
    resolutionRate: 0.9,
    complaints: 6,
    complaintRate: 0.05,
    reopenRate: 0.025,
    firstResponseCount: 118,
    firstResponseAverageSeconds: 540,
    firstResponseP50Seconds: 420.5,
    firstResponseP90Seconds: 1190.2,
    resolutionAverageSeconds: 15_300,
    resolutionP50Seconds: 10_210.7,
    resolutionP90Seconds: 38_950.1,
    slaBreachRate: 0.0625,
    surveyCount: 64,
    csatAverage: 4.45,
    csatDistribution: [1, 2, 4, 18, 39],
    backlogAtEnd: 14,
    complaintsAgainst: 2,
  },
  asOf: '2025-03-01T00:00:30.000Z',
};

export const eventDataSamples: EventDataSamples = {
  'ticket.opened': {
    ...ticket,
    status: 'NEW',
    assigneeId: null,
    departmentId: null,
    acknowledgedAt: null,
    assetId: '7a1e9c3b-4d2f-4b86-8e05-6c3d2a1f9b74',
    incidentId: null,
  },
  'ticket.acknowledged': { ...ticket, status: 'ACKNOWLEDGED', assigneeId: null, firstResponseSeconds: 461 },
  'ticket.assigned': {
    ...ticket,
    status: 'ASSIGNED',
    previousAssigneeId: null,
    previousDepartmentId: null,
    collaboratingDepartmentIds: [CS_DEPARTMENT_ID],
  },
  'ticket.transferred': {
    ...ticket,
    fromDepartmentId: CS_DEPARTMENT_ID,
    toDepartmentId: TECH_DEPARTMENT_ID,
    fromAssigneeId: AGENT_ID,
    toAssigneeId: TECHNICIAN_ID,
    reason: 'Database fault needs a technician',
  },
  'ticket.escalated': {
    ...ticket,
    escalationLevel: 1,
    fromLevel: 0,
    toLevel: 1,
    reason: 'Beyond first-line authority',
  },
  'ticket.progress_added': {
    ...ticket,
    progressId: 'f0c9b8a7-6d5e-4f3a-8b2c-1d0e9f8a7b6c',
    visibility: 'PUBLIC',
    body: 'Replica restored; verifying data consistency.',
  },
  'ticket.status_changed': {
    ...ticket,
    status: 'PENDING_CUSTOMER',
    from: 'IN_PROGRESS',
    to: 'PENDING_CUSTOMER',
    reason: 'Waiting for the customer to confirm the export',
  },
  'ticket.resolved': {
    ...ticket,
    status: 'RESOLVED',
    resolvedAt: '2025-03-03T06:40:00.000Z',
    resolutionSummary: 'Restored the replica and re-ran the nightly export.',
    firstResponseSeconds: 461,
    resolutionSeconds: 16_320,
    withinSla: true,
  },
  'ticket.reopened': {
    ...ticket,
    status: 'REOPENED',
    previousStatus: 'RESOLVED',
    reason: 'Export failed again',
  },
  'ticket.closed': {
    ...ticket,
    status: 'CLOSED',
    resolvedAt: '2025-03-03T06:40:00.000Z',
    closedAt: '2025-03-04T02:00:00.000Z',
    closedBy: 'CUSTOMER_CONFIRMED',
  },
  'ticket.survey_submitted': {
    ...ticket,
    status: 'CLOSED',
    resolvedAt: '2025-03-03T06:40:00.000Z',
    closedAt: '2025-03-04T02:00:00.000Z',
    surveyId: '8c7b6a59-4e3d-4c2b-9a1f-0e9d8c7b6a5f',
    overall: 5,
    quality: 5,
    efficiency: 4,
    communication: 5,
    comment: null,
    submittedAt: '2025-03-04T03:10:00.000Z',
  },
  'ticket.sla_breached': {
    ...ticket,
    deadline: 'RESOLUTION',
    dueAt: '2025-03-03T09:15:00.000Z',
    breachedAt: '2025-03-03T09:15:00.412Z',
  },
  'ticket.complaint_investigated': {
    ...complaint,
    findings: 'The callback promised on 1 March was not made.',
    rootCause: 'Callback queue not monitored during shift change',
    responsibleDepartmentId: CS_DEPARTMENT_ID,
    responsibleEmployeeId: AGENT_ID,
    correctiveAction: 'Shift hand-over checklist includes the callback queue',
    correctiveActionDueAt: '2025-03-14T10:00:00.000Z',
  },
  'ticket.complaint_follow_up_recorded': {
    ...complaint,
    status: 'RESOLVED',
    followUpAt: '2025-03-10T06:00:00.000Z',
    result: 'Customer accepted the apology and the corrective action.',
    satisfied: true,
  },
  'ticket.suggestion_reviewed': {
    ...ticket,
    kind: 'SUGGESTION',
    category: null,
    status: 'RESOLVED',
    decision: 'ACCEPTED',
    reason: 'Scheduled for the Q2 portal release',
  },
  'ticket.plan_updated': {
    ...ticket,
    status: 'IN_PROGRESS',
    openSteps: [
      {
        stepId: '0f1e2d3c-4b5a-4968-8776-655443322110',
        position: 2,
        title: 'Replace the faulty line card',
        ownerId: AGENT_ID,
        dueAt: '2025-03-09T09:00:00.000Z',
      },
    ],
    doneStepCount: 1,
  },
  'ticket.plan_step_completed': {
    ...ticket,
    status: 'IN_PROGRESS',
    stepId: '0f1e2d3c-4b5a-4968-8776-655443322110',
    position: 2,
    completedBy: AGENT_ID,
  },
  'ticket.corrective_action_added': {
    ...complaint,
    actionId: CORRECTIVE_ACTION_ID,
    description: 'Add the callback queue to the shift hand-over checklist',
    ownerId: AGENT_ID,
    dueAt: '2025-03-14T10:00:00.000Z',
  },
  'ticket.corrective_action_status_changed': {
    ...complaint,
    actionId: CORRECTIVE_ACTION_ID,
    ownerId: AGENT_ID,
    from: 'DONE',
    to: 'VERIFIED',
    note: 'Checked three hand-overs: the queue was reviewed each time.',
  },
  'ticket.corrective_action_overdue': {
    ...complaint,
    actionId: CORRECTIVE_ACTION_ID,
    ownerId: AGENT_ID,
    dueAt: '2025-03-14T10:00:00.000Z',
    actionStatus: 'OPEN',
  },
  'ticket.complaint_feedback_given': {
    ...complaint,
    feedback: 'We apologised, explained the missed callback and the checklist change.',
  },
  'ticket.complaint_cause_recurring': {
    rootCause: 'Callback queue not monitored during shift change',
    category: null,
    count: 3,
    windowDays: 30,
    ticketIds: [TICKET_ID, CORRECTIVE_ACTION_ID, '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d'],
  },
  'ticket.reassessed': {
    ...ticket,
    priority: 'P1',
    previous: { category: 'FUNCTION_ANOMALY', urgency: 'MEDIUM', impact: 'HIGH', priority: 'P2' },
    current: { category: 'SYSTEM_FAULT', urgency: 'HIGH', impact: 'HIGH', priority: 'P1' },
    reason: 'Every branch is affected, not only the one that called',
  },
  'ticket.praise_credited': {
    ...ticket,
    kind: 'PRAISE',
    category: null,
    status: 'ACKNOWLEDGED',
    employeeIds: [AGENT_ID, TECHNICIAN_ID],
    previousEmployeeIds: [],
  },
  'ticket.plan_step_overdue': {
    ...ticket,
    stepId: '0f1e2d3c-4b5a-4968-8776-655443322110',
    position: 2,
    title: 'Restore the replica',
    ownerId: TECHNICIAN_ID,
    dueAt: '2025-03-03T12:00:00.000Z',
  },
  'ticket.merged': {
    ...ticket,
    status: 'CLOSED',
    closedAt: '2025-03-03T09:30:00.000Z',
    survivorTicketId: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
    survivorNumber: 'TCK-000120',
  },
  'ticket.time_logged': timeEntry,
  'ticket.time_entry_updated': {
    ...timeEntry,
    entryVersion: 2,
    minutes: 90,
    ticketTotalMinutes: 135,
    previous: { activity: 'ON_SITE', minutes: 75, workedOn: '2025-03-03' },
  },
  'ticket.time_entry_deleted': {
    ...timeEntry,
    entryVersion: 3,
    ticketTotalMinutes: 45,
    reason: 'Logged on the wrong ticket',
  },
  'ticket.linked': {
    ...ticket,
    role: 'CHILD',
    otherTicketId: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
    otherNumber: 'TCK-000120',
  },
  'ticket.unlinked': {
    ...ticket,
    role: 'RELATED',
    otherTicketId: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
    otherNumber: 'TCK-000120',
  },
  'routing-rule.defined': routingRule,
  'routing-rule.changed': { ...routingRule, position: 5, maxLoad: null },
  'routing-rule.deleted': { ...routingRule, active: false },
  'canned-reply.defined': cannedReply,
  'canned-reply.changed': { ...cannedReply, title: 'Fault received (updated)' },
  'canned-reply.deleted': cannedReply,
  'calendar.defined': slaCalendar,
  'calendar.changed': { ...slaCalendar, holidays: [] },
  'knowledge.article_drafted': knowledgeArticle,
  'knowledge.article_revised': { ...knowledgeArticle, revision: 2, previousStatus: 'PUBLISHED' },
  'knowledge.article_submitted': { ...knowledgeArticle, status: 'REVIEW' },
  'knowledge.article_published': { ...knowledgeArticle, status: 'PUBLISHED', approvedBy: 'manager-1' },
  'knowledge.article_returned': { ...knowledgeArticle, reason: 'Add the tray-reset step' },
  'knowledge.article_archived': { ...knowledgeArticle, status: 'ARCHIVED' },
  'knowledge.article_solved_ticket': {
    ...knowledgeArticle,
    status: 'PUBLISHED',
    solvedCount: 3,
    ticketId: TICKET_ID,
  },
  'improvement.raised': improvement,
  'improvement.implemented': {
    ...improvement,
    status: 'IMPLEMENTED',
    note: 'Checklist v3 rolled out to all shifts',
  },
  'improvement.verified': {
    ...improvement,
    status: 'EFFECTIVE',
    measured: 0.8,
    effective: true,
    note: 'March complaint rate, from the KPI report',
  },
  'improvement.revised': { ...improvement, reason: 'The rate did not move: the night shift was not trained' },
  'improvement.overdue': improvement,
  'customer.registered': customer,
  'customer.updated': { ...customer, tags: ['logistics'], changedFields: ['tags'] },
  'customer.tier_changed': { ...customer, tier: 'VIP', fromTier: 'KEY_ACCOUNT', toTier: 'VIP', reason: null },
  'customer.revisit_recorded': {
    ...customer,
    revisitId: '6b5a4f3e-2d1c-4b0a-9f8e-7d6c5b4a3f2e',
    revisitedAt: '2025-03-12T02:30:00.000Z',
    channel: 'PHONE',
    employeeId: AGENT_ID,
    ticketId: TICKET_ID,
    outcome: 'Satisfied with the fault handling; asked for a quarterly review.',
  },
  'employee.hired': employee,
  'employee.transferred': {
    ...employee,
    fromDepartmentId: CS_DEPARTMENT_ID,
    toDepartmentId: TECH_DEPARTMENT_ID,
    effectiveDate: '2025-04-01',
  },
  'employee.updated': { ...employee, status: 'ON_LEAVE', changedFields: ['status'] },
  'employee.career_moved': {
    ...employee,
    position: 'OPS_MANAGER',
    move: 'PROMOTION',
    fromPosition: 'TECHNICIAN',
    fromDepartmentId: TECH_DEPARTMENT_ID,
    fromPayGrade: 7,
    toPayGrade: 9,
    effectiveDate: '2025-07-01',
    reason: 'Led the on-call rota through the spring outages',
  },
  'employee.left': { ...employee, status: 'LEFT', leftDate: '2025-06-30' },
  'appraisal.opened': appraisal,
  'appraisal.self_review_started': { ...appraisal, status: 'SELF_REVIEW' },
  'appraisal.self_review_submitted': { ...appraisal, status: 'MANAGER_REVIEW' },
  'appraisal.manager_review_submitted': { ...appraisal, status: 'CALIBRATION' },
  'appraisal.calibrated': calibrated,
  'appraisal.returned': { ...appraisal, status: 'MANAGER_REVIEW', reason: 'Peer reviews missing' },
  'appraisal.published': published,
  'appraisal.acknowledged': { ...published, status: 'ACKNOWLEDGED' },
  'appraisal.amended': {
    ...published,
    grade: 'B',
    bonusCoefficient: 1,
    deductionRate: 0,
    reason: 'A complaint was withdrawn by the customer after publication',
    changedFields: ['grade'],
  },
  'training.scheduled': { ...training, enrolled: 0 },
  'training.enrolled': { ...training, employeeId: AGENT_ID },
  'training.attendance_recorded': { ...training, employeeId: AGENT_ID, attended: true },
  'training.assessed': { ...training, employeeId: AGENT_ID, examScore: 86, practicalResult: 'PASSED' },
  'training.certificate_issued': {
    ...training,
    employeeId: AGENT_ID,
    certificateNumber: 'TRN-2025-0042',
    issuedOn: '2025-04-16',
  },
  'award.nominated': {
    awardId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
    employeeId: AGENT_ID,
    kind: 'EXCELLENT_EMPLOYEE',
    period: '2025',
    status: 'NOMINATED',
    reason: 'Highest survey scores of the year',
    decisionNote: null,
  },
  'award.approved': {
    awardId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
    employeeId: AGENT_ID,
    kind: 'EXCELLENT_EMPLOYEE',
    period: '2025',
    status: 'APPROVED',
    reason: 'Highest survey scores of the year',
    decisionNote: 'Well earned',
  },
  'award.rejected': {
    awardId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
    employeeId: AGENT_ID,
    kind: 'INNOVATION',
    period: '2025',
    status: 'REJECTED',
    reason: 'Proposed the chat routing change',
    decisionNote: 'Nominate again once the change is live',
  },
  'department.created': department,
  'department.updated': { ...department, name: 'Technical Support & Operations', changedFields: ['name'] },
  'asset.registered': { ...asset, status: 'IN_STOCK', custodianId: null, purchaseDate: '2024-11-05' },
  'asset.updated': { ...asset, changedFields: ['location', 'purchaseCost'] },
  'asset.status_changed': {
    ...asset,
    fromStatus: 'IN_STOCK',
    toStatus: 'IN_USE',
    reason: 'Installed in rack B2',
  },
  'asset.assigned': { ...asset, previousCustodianId: null, previousDepartmentId: null },
  'asset.maintenance_planned': {
    ...asset,
    planId: PLAN_ID,
    intervalUnit: 'MONTHS',
    intervalValue: 6,
    dueOn: '2025-09-30',
    dueAtHours: null,
  },
  'asset.maintenance_completed': {
    ...asset,
    recordId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
    planId: PLAN_ID,
    completedAt: '2025-09-29T09:40:00.000Z',
    downtimeMinutes: 45,
    cost: 120.5,
  },
  'asset.maintenance_overdue': { ...asset, planId: PLAN_ID, dueOn: '2026-03-31', dueAtHours: null },
  'asset.fault_reported': {
    ...asset,
    status: 'FAULTY',
    faultId: FAULT_ID,
    ticketId: TICKET_ID,
    reportedAt: '2025-10-02T03:10:00.000Z',
  },
  'asset.fault_repaired': {
    ...asset,
    faultId: FAULT_ID,
    ticketId: TICKET_ID,
    reportedAt: '2025-10-02T03:10:00.000Z',
    repairedAt: '2025-10-02T07:25:00.000Z',
  },
  'asset.retired': { ...asset, status: 'RETIRED', custodianId: null, reason: 'Beyond economic repair' },
  'incident.reported': {
    ...incident,
    reporterId: AGENT_ID,
    detectedAt: '2025-03-03T01:12:00.000Z',
    location: 'North pumping station, control room',
  },
  'incident.activated': {
    ...incident,
    status: 'ACTIVATED',
    commanderId: TECHNICIAN_ID,
    planId: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
    planVersion: 2,
    roles: [{ role: 'Communications lead', employeeId: AGENT_ID }],
    affectedKeyAccountIds: [CUSTOMER_ID],
  },
  'incident.contained': { ...incident, status: 'CONTAINED', commanderId: TECHNICIAN_ID },
  'incident.recovery_started': { ...incident, status: 'RECOVERING', commanderId: TECHNICIAN_ID },
  'incident.resolved': {
    ...incident,
    status: 'RESOLVED',
    commanderId: TECHNICIAN_ID,
    resolvedAt: '2025-03-03T05:10:00.000Z',
    durationSeconds: 14100,
  },
  'incident.reviewed': {
    ...incident,
    status: 'REVIEWED',
    commanderId: TECHNICIAN_ID,
    rootCause: 'A failed power supply in the pump controller had no redundant unit.',
    actionItemCount: 2,
  },
  'risk.registered': risk,
  'risk.assessed': { ...risk, likelihood: 4, score: 16, level: 'HIGH', previousScore: 12 },
  'risk.reviewed': { ...risk, nextReviewOn: '2025-09-01', note: 'Mitigation in place; no change.' },
  'kpi.alert_fired': kpiAlert,
  'kpi.alert_resolved': { ...kpiAlertIdentity, value: 0.04, resolvedAt: '2025-03-03T03:10:00.000Z' },
  'kpi-snapshot.period_closed': kpiSnapshot,
  'kpi-snapshot.live_updated': {
    ...kpiSnapshot,
    periodKind: 'DAY',
    periodStart: '2025-03-03',
    periodEnd: '2025-03-03',
    asOf: '2025-03-03T09:31:00.000Z',
  },
  'kpi-snapshot.month_updated': {
    ...kpiSnapshot,
    periodKind: 'MONTH',
    periodStart: '2025-03-01',
    periodEnd: '2025-03-31',
    asOf: '2025-03-03T09:32:00.000Z',
  },
  'kpi.sla_at_risk': {
    warningId: '8a6f5e4d-3c2b-4a1f-8e9d-8c7b6a594837',
    ticketId: '3f2e1d0c-9b8a-4f7e-8d6c-5b4a39281706',
    departmentId: null,
    deadline: 'RESPONSE',
    dueAt: '2025-03-03T03:00:00.000Z',
    remainingSeconds: 600,
    windowSeconds: 3600,
    warnedAt: '2025-03-03T02:50:00.000Z',
  },
};

export function sampleDataFor(definition: EventDefinition): Record<string, unknown> {
  const data = (eventDataSamples as Record<string, Record<string, unknown>>)[definition.type];
  if (!data) throw new Error(`no sample for ${definition.type}`);
  return structuredClone(data);
}

export const sampleAggregateId = (definition: EventDefinition): string => {
  const data = sampleDataFor(definition);
  // Every snapshot names its aggregate `<aggregateType>Id` (ticketId, customerId, …); a recurrence (not a snapshot)
  // belongs to the last of its tickets; a KPI alert event to its alert; a knowledge event to its article.
  const ticketIds = data['ticketIds'];
  const id =
    data[`${definition.aggregateType}Id`] ??
    data['alertId'] ??
    data['warningId'] ??
    data['articleId'] ??
    data['ruleId'] ??
    data['replyId'] ??
    data['snapshotId'] ??
    (Array.isArray(ticketIds) ? ticketIds.at(-1) : undefined);
  return String(id);
};

/** A complete, deterministic event of each type (the AsyncAPI examples, contract tests). */
export function exampleEvent(definition: EventDefinition) {
  return createEvent(definition, {
    eventId: '0d9b3c6e-2f4a-4b8d-9e1c-7a5f3b2d1c04',
    occurredAt: '2025-03-03T09:30:00.000Z',
    aggregateId: sampleAggregateId(definition),
    aggregateVersion: 3,
    producer: topicFor(definition.aggregateType as Parameters<typeof topicFor>[0]).producer,
    actor: AGENT_ACTOR,
    correlationId: 'b7e1c2d3-4a5f-4e6b-8c9d-0f1a2b3c4d5e',
    causationId: null,
    data: sampleDataFor(definition) as never,
  });
}
