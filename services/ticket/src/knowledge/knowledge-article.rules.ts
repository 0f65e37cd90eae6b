// Knowledge articles (docs/product.md §12.6). Pure: the lifecycle DRAFT → REVIEW → PUBLISHED (→ ARCHIVED), who may
// approve (a manager other than the last editor: P1 §三(一)2 「提交給運營經理進行審核。運營經理審核通過後,內容方可發布」),
// which department's articles a caller reads and writes, and the checks on the content (attachments are links).
import { Role, type KnownCaller } from '@opsgraph/domain';

export const KNOWLEDGE_STATUSES = ['DRAFT', 'REVIEW', 'PUBLISHED', 'ARCHIVED'] as const;
export type KnowledgeStatus = (typeof KNOWLEDGE_STATUSES)[number];

export interface KnowledgeAttachment {
  readonly label: string;
  readonly url: string;
}

/** What an edit changes; every edit is a new revision. */
export interface KnowledgeContent {
  readonly title: string;
  readonly problem: string;
  readonly solution: string;
  readonly steps: readonly string[];
  readonly attachments: readonly KnowledgeAttachment[];
  readonly category: string;
  readonly tags: readonly string[];
}

export interface KnowledgeArticle extends KnowledgeContent {
  readonly id: string;
  readonly version: number;
  readonly revision: number;
  readonly status: KnowledgeStatus;
  /** null: for every department. */
  readonly departmentId: string | null;
  readonly authorId: string;
  /** Who edited the current revision last (the four-eyes check compares the approver with them). */
  readonly editedBy: string;
  readonly approvedBy: string | null;
  readonly publishedAt: Date | null;
  readonly solvedCount: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export type KnowledgeAction = 'REVISE' | 'SUBMIT' | 'APPROVE' | 'RETURN' | 'ARCHIVE' | 'LINK_TO_TICKET';

const ALLOWED: Record<KnowledgeAction, readonly KnowledgeStatus[]> = {
  // A published article that is revised goes back to DRAFT: what readers see was approved, always.
  REVISE: ['DRAFT', 'REVIEW', 'PUBLISHED'],
  SUBMIT: ['DRAFT'],
  APPROVE: ['REVIEW'],
  RETURN: ['REVIEW'],
  ARCHIVE: ['DRAFT', 'REVIEW', 'PUBLISHED'],
  LINK_TO_TICKET: ['PUBLISHED'],
};

const NEXT: Partial<Record<KnowledgeAction, KnowledgeStatus>> = {
  REVISE: 'DRAFT',
  SUBMIT: 'REVIEW',
  APPROVE: 'PUBLISHED',
  RETURN: 'DRAFT',
  ARCHIVE: 'ARCHIVED',
};

/** The status after `action`, or null when the action is not allowed in `status`. */
export function statusAfter(status: KnowledgeStatus, action: KnowledgeAction): KnowledgeStatus | null {
  if (!ALLOWED[action].includes(status)) return null;
  return NEXT[action] ?? status;
}

const MANAGERS: readonly Role[] = [Role.OPS_MANAGER, Role.OPS_DIRECTOR, Role.ADMIN];
const isManager = (caller: KnownCaller) => MANAGERS.includes(caller.role);

/** Why the caller may not approve the article, or null: a manager, and not the one who wrote this revision. */
export function approvalProblem(
  caller: KnownCaller,
  article: Pick<KnowledgeArticle, 'editedBy'>,
): string | null {
  if (!isManager(caller)) return 'Only a manager approves knowledge articles';
  if (caller.userId === article.editedBy) {
    return 'The editor of a revision cannot approve it: another manager reviews it';
  }
  return null;
}

/**
 * Whether the caller reads the article: managers, directors, admins and analysts read every article; agents and
 * technicians read published articles for every department and their own, and drafts of their own department's.
 */
export function canRead(
  caller: KnownCaller,
  article: Pick<KnowledgeArticle, 'status' | 'departmentId' | 'authorId'>,
): boolean {
  if (isManager(caller) || caller.role === Role.ANALYST) {
    return caller.role !== Role.ANALYST || article.status === 'PUBLISHED';
  }
  if (caller.role !== Role.AGENT && caller.role !== Role.TECHNICIAN) return false;
  const ownDepartment = article.departmentId === (caller.departmentId ?? null);
  if (article.status === 'PUBLISHED') return article.departmentId === null || ownDepartment;
  return ownDepartment || article.authorId === caller.userId;
}

/** Whether the caller writes for `departmentId`: managers for any; agents and technicians for all or their own. */
export function canWriteFor(caller: KnownCaller, departmentId: string | null): boolean {
  if (isManager(caller)) return true;
  if (caller.role !== Role.AGENT && caller.role !== Role.TECHNICIAN) return false;
  return departmentId === null || departmentId === (caller.departmentId ?? null);
}

export interface ContentProblem {
  readonly field: string;
  readonly message: string;
}

const MAX_TAGS = 10;
const MAX_STEPS = 30;
const MAX_ATTACHMENTS = 10;

/** Tags as stored: trimmed, lower-cased (Latin), without duplicates, in the order given. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.normalize('NFKC').trim().toLowerCase()).filter(Boolean))];
}

/** Only absolute http(s) links without credentials count as attachments. */
export function attachmentUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not an absolute URL`;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return `Attachments are http(s) links, not ${parsed.protocol}`;
  }
  if (parsed.username || parsed.password) return 'An attachment link must not carry a user name or password';
  return null;
}

/** Everything wrong with the content, each with the input field it concerns (empty when it is fine). */
export function contentProblems(content: KnowledgeContent, prefix = 'input'): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (content.steps.length > MAX_STEPS) {
    problems.push({ field: `${prefix}.steps`, message: `At most ${MAX_STEPS} steps` });
  }
  content.steps.forEach((step, index) => {
    if (step.trim() === '')
      problems.push({ field: `${prefix}.steps.${index}`, message: 'A step needs text' });
  });
  if (content.attachments.length > MAX_ATTACHMENTS) {
    problems.push({ field: `${prefix}.attachments`, message: `At most ${MAX_ATTACHMENTS} attachments` });
  }
  content.attachments.forEach((attachment, index) => {
    const problem = attachmentUrlProblem(attachment.url);
    if (problem) problems.push({ field: `${prefix}.attachments.${index}.url`, message: problem });
  });
  if (normaliseTags(content.tags).length > MAX_TAGS) {
    problems.push({ field: `${prefix}.tags`, message: `At most ${MAX_TAGS} tags` });
  }
  return problems;
}

/** The text indexed for search: title, problem, solution, steps, category and tags. */
export function searchableText(content: KnowledgeContent): string {
  return [
    content.title,
    content.problem,
    content.solution,
    ...content.steps,
    content.category,
    ...content.tags,
  ].join('\n');
}
