import { callerWith, Role } from '@opsgraph/domain';
import {
  approvalProblem,
  attachmentUrlProblem,
  canRead,
  canWriteFor,
  contentProblems,
  normaliseTags,
  statusAfter,
  type KnowledgeContent,
} from './knowledge-article.rules';

const DESK = '11111111-1111-4111-8111-111111111111';
const FIELD = '22222222-2222-4222-8222-222222222222';

describe('statusAfter', () => {
  it.each([
    ['DRAFT', 'SUBMIT', 'REVIEW'],
    ['REVIEW', 'APPROVE', 'PUBLISHED'],
    ['REVIEW', 'RETURN', 'DRAFT'],
    ['PUBLISHED', 'REVISE', 'DRAFT'],
    ['REVIEW', 'REVISE', 'DRAFT'],
    ['DRAFT', 'REVISE', 'DRAFT'],
    ['PUBLISHED', 'ARCHIVE', 'ARCHIVED'],
    ['PUBLISHED', 'LINK_TO_TICKET', 'PUBLISHED'],
    ['DRAFT', 'APPROVE', null],
    ['PUBLISHED', 'SUBMIT', null],
    ['ARCHIVED', 'REVISE', null],
    ['ARCHIVED', 'ARCHIVE', null],
    ['REVIEW', 'LINK_TO_TICKET', null],
  ] as const)('%s + %s → %s', (status, action, next) => {
    expect(statusAfter(status, action)).toBe(next);
  });
});

describe('approvalProblem', () => {
  it('needs a manager who did not write the revision', () => {
    const manager = callerWith(Role.OPS_MANAGER, { userId: 'm1' });
    expect(approvalProblem(manager, { editedBy: 'a1' })).toBeNull();
    expect(approvalProblem(manager, { editedBy: 'm1' })).toMatch(/another manager/);
    expect(approvalProblem(callerWith(Role.AGENT, { userId: 'a2' }), { editedBy: 'a1' })).toMatch(
      /Only a manager/,
    );
  });
});

describe('canRead and canWriteFor', () => {
  const agent = callerWith(Role.AGENT, { userId: 'a1', departmentId: DESK });
  const article = (status: 'DRAFT' | 'PUBLISHED', departmentId: string | null, authorId = 'x') => ({
    status,
    departmentId,
    authorId,
  });

  it('agents read published articles for all and their department, drafts of their department or their own', () => {
    expect(canRead(agent, article('PUBLISHED', null))).toBe(true);
    expect(canRead(agent, article('PUBLISHED', DESK))).toBe(true);
    expect(canRead(agent, article('PUBLISHED', FIELD))).toBe(false);
    expect(canRead(agent, article('DRAFT', DESK))).toBe(true);
    expect(canRead(agent, article('DRAFT', null))).toBe(false);
    expect(canRead(agent, article('DRAFT', null, 'a1'))).toBe(true);
  });

  it('managers read everything, analysts only what is published, HR and customers nothing', () => {
    expect(canRead(callerWith(Role.OPS_MANAGER), article('DRAFT', FIELD))).toBe(true);
    expect(canRead(callerWith(Role.ANALYST), article('PUBLISHED', FIELD))).toBe(true);
    expect(canRead(callerWith(Role.ANALYST), article('DRAFT', FIELD))).toBe(false);
    expect(canRead(callerWith(Role.HR), article('PUBLISHED', null))).toBe(false);
    expect(canRead(callerWith(Role.CUSTOMER, { customerId: 'c' }), article('PUBLISHED', null))).toBe(false);
  });

  it('agents write for every department or their own; managers for any', () => {
    expect(canWriteFor(agent, null)).toBe(true);
    expect(canWriteFor(agent, DESK)).toBe(true);
    expect(canWriteFor(agent, FIELD)).toBe(false);
    expect(canWriteFor(callerWith(Role.OPS_DIRECTOR), FIELD)).toBe(true);
    expect(canWriteFor(callerWith(Role.ANALYST), null)).toBe(false);
  });
});

describe('content checks', () => {
  const content: KnowledgeContent = {
    title: 'VPN 連不上',
    problem: 'The VPN client says "authentication failed".',
    solution: 'Reset the token.',
    steps: ['Open the portal', 'Reset'],
    attachments: [{ label: 'Guide', url: 'https://wiki.example.com/vpn' }],
    category: 'Network',
    tags: ['VPN', 'vpn ', '網絡'],
  };

  it('accepts good content', () => {
    expect(contentProblems(content)).toEqual([]);
    expect(normaliseTags(content.tags)).toEqual(['vpn', '網絡']);
  });

  it.each([
    ['javascript:alert(1)', /not javascript:/],
    ['ftp://files.example.com/a.pdf', /not ftp:/],
    ['/relative/path', /not an absolute URL/],
    ['https://user:secret@example.com/x', /user name or password/],
  ])('refuses the attachment link %s', (url, message) => {
    expect(attachmentUrlProblem(url)).toMatch(message);
  });

  it('names the field of each problem', () => {
    const problems = contentProblems({
      ...content,
      steps: ['ok', '  '],
      attachments: [content.attachments[0]!, { label: 'bad', url: 'data:text/html,<b>' }],
      tags: Array.from({ length: 11 }, (_, i) => `t${i}`),
    });
    expect(problems.map((p) => p.field)).toEqual(['input.steps.1', 'input.attachments.1.url', 'input.tags']);
  });
});
