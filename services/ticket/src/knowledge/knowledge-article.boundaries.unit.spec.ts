import { callerWith, Role } from '@opsgraph/domain';
import {
  attachmentUrlProblem,
  canRead,
  canWriteFor,
  contentProblems,
  normaliseTags,
  searchableText,
  statusAfter,
  type KnowledgeContent,
} from './knowledge-article.rules';

const DESK = '11111111-1111-4111-8111-111111111111';
const FIELD = '22222222-2222-4222-8222-222222222222';

const content: KnowledgeContent = {
  title: '打印機卡紙',
  problem: 'Paper jams in tray 2',
  solution: 'Replace the roller',
  steps: ['Open tray 2', 'Remove the roller'],
  attachments: [{ label: 'Manual', url: 'https://docs.example.com/printer' }],
  category: 'Printers',
  tags: ['printer', '硬件'],
};
const many = (n: number) => Array.from({ length: n }, (_, i) => `item ${i}`);

describe('knowledge article lifecycle edges', () => {
  it('an article may be archived from draft and from review as well as once published', () => {
    expect(statusAfter('DRAFT', 'ARCHIVE')).toBe('ARCHIVED');
    expect(statusAfter('REVIEW', 'ARCHIVE')).toBe('ARCHIVED');
  });
});

describe('technicians read and write knowledge like agents', () => {
  const technician = callerWith(Role.TECHNICIAN, { userId: 't1', departmentId: FIELD });

  it('reads published articles for all and its department, drafts of its department or its own', () => {
    expect(canRead(technician, { status: 'PUBLISHED', departmentId: null, authorId: 'x' })).toBe(true);
    expect(canRead(technician, { status: 'PUBLISHED', departmentId: DESK, authorId: 'x' })).toBe(false);
    expect(canRead(technician, { status: 'DRAFT', departmentId: FIELD, authorId: 'x' })).toBe(true);
  });

  it('writes for every department or its own, not for another', () => {
    expect(canWriteFor(technician, null)).toBe(true);
    expect(canWriteFor(technician, FIELD)).toBe(true);
    expect(canWriteFor(technician, DESK)).toBe(false);
  });
});

describe('attachment links', () => {
  it('plain http links are attachments too', () => {
    expect(attachmentUrlProblem('http://intranet.example.com/guide.pdf')).toBeNull();
  });

  it('a link with only a user name (no password) still carries credentials', () => {
    expect(attachmentUrlProblem('https://alice@example.com/x')).toMatch(/user name or password/);
  });
});

describe('content limits: at the limit is fine, one past it is refused with a message', () => {
  it('30 steps, 10 attachments and 10 tags are accepted', () => {
    expect(
      contentProblems({
        ...content,
        steps: many(30),
        attachments: many(10).map((label, i) => ({ label, url: `https://docs.example.com/${i}` })),
        tags: many(10),
      }),
    ).toEqual([]);
  });

  it('31 steps, 11 attachments and 11 tags are refused, each on its field and saying the limit', () => {
    expect(
      contentProblems(
        {
          ...content,
          steps: many(31),
          attachments: many(11).map((label, i) => ({ label, url: `https://docs.example.com/${i}` })),
          tags: many(11),
        },
        'input.content',
      ),
    ).toEqual([
      { field: 'input.content.steps', message: 'At most 30 steps' },
      { field: 'input.content.attachments', message: 'At most 10 attachments' },
      { field: 'input.content.tags', message: 'At most 10 tags' },
    ]);
  });

  it('a blank step is refused with a message saying it needs text', () => {
    expect(contentProblems({ ...content, steps: ['ok', ' '] })).toEqual([
      { field: 'input.steps.1', message: 'A step needs text' },
    ]);
  });

  it('blank tags are dropped, not stored', () => {
    expect(normaliseTags(['  ', 'Printer', ''])).toEqual(['printer']);
  });
});

describe('searchableText', () => {
  it('indexes title, problem, solution, every step, the category and the tags, one per line', () => {
    expect(searchableText(content)).toBe(
      [
        '打印機卡紙',
        'Paper jams in tray 2',
        'Replace the roller',
        'Open tray 2',
        'Remove the roller',
        'Printers',
        'printer',
        '硬件',
      ].join('\n'),
    );
  });
});
