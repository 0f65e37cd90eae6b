import { eventsOf } from '@opsgraph/testing';
import { as, ids, openTicket } from '../test-support/fixtures';
import { startTicketHarness, type TicketHarness } from '../test-support/ticket-harness';

const ARTICLE = `id version revision status title tags steps attachments { label url } departmentId solvedCount approvedBy`;
const DRAFT = `mutation($input: DraftKnowledgeArticleInput!) { draftKnowledgeArticle(input: $input) { ${ARTICLE} } }`;
const REVISE = `mutation($input: ReviseKnowledgeArticleInput!) { reviseKnowledgeArticle(input: $input) { ${ARTICLE} } }`;
const SUBMIT = `mutation($input: KnowledgeArticleRefInput!) { submitKnowledgeArticle(input: $input) { ${ARTICLE} } }`;
const APPROVE = `mutation($input: KnowledgeArticleRefInput!) { approveKnowledgeArticle(input: $input) { ${ARTICLE} } }`;
const LINK = `mutation($input: LinkKnowledgeArticleInput!) { linkKnowledgeArticle(input: $input) { ${ARTICLE} } }`;
const SEARCH = `query($query: String!, $first: Int, $after: String) {
  searchKnowledge(query: $query, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { score article { title } } } } }`;

interface Article {
  id: string;
  version: number;
  revision: number;
  status: string;
  title: string;
  tags: string[];
  solvedCount: number;
  approvedBy: string | null;
}

let harness: TicketHarness;
beforeAll(async () => {
  harness = await startTicketHarness('ticket-knowledge');
});
afterAll(() => harness?.stop());

const content = (overrides: Record<string, unknown> = {}) => ({
  title: 'VPN 連不上:認證失敗',
  problem: '遠程辦公時 VPN 客戶端提示認證失敗。',
  solution: '在自助門戶同步動態令牌,再確認域賬號密碼未過期。',
  steps: ['同步令牌', '重新登錄'],
  attachments: [{ label: '自助門戶', url: 'https://portal.example.com/token' }],
  category: '網絡 Network',
  tags: ['VPN', ' vpn', '遠程辦公'],
  ...overrides,
});

async function publish(claims = as.agent, overrides: Record<string, unknown> = {}): Promise<Article> {
  const drafted = (
    await harness.data<{ draftKnowledgeArticle: Article }>(DRAFT, { input: content(overrides) }, claims)
  ).draftKnowledgeArticle;
  const submitted = (
    await harness.data<{ submitKnowledgeArticle: Article }>(
      SUBMIT,
      { input: { articleId: drafted.id, expectedVersion: drafted.version } },
      claims,
    )
  ).submitKnowledgeArticle;
  return (
    await harness.data<{ approveKnowledgeArticle: Article }>(
      APPROVE,
      { input: { articleId: drafted.id, expectedVersion: submitted.version } },
      as.manager,
    )
  ).approveKnowledgeArticle;
}

describe('knowledge base (real PostgreSQL and Kafka)', () => {
  it('drafts, submits and publishes with a manager’s approval; every edit is a revision', async () => {
    const article = await publish();
    expect(article).toMatchObject({
      status: 'PUBLISHED',
      revision: 1,
      tags: ['vpn', '遠程辦公'],
      approvedBy: 'user-OPS_MANAGER',
    });

    const revised = (
      await harness.data<{ reviseKnowledgeArticle: Article }>(
        REVISE,
        {
          input: {
            articleId: article.id,
            expectedVersion: article.version,
            content: content({ solution: '先同步令牌;仍失敗則重置密碼。' }),
          },
        },
        as.agent,
      )
    ).reviseKnowledgeArticle;
    // What readers see was approved: a revised published article waits for approval again.
    expect(revised).toMatchObject({ status: 'DRAFT', revision: 2 });
    const { knowledgeArticle } = await harness.data<{
      knowledgeArticle: { revisions: { revision: number; solution: string; editedBy: string }[] };
    }>(
      'query($id: ID!) { knowledgeArticle(id: $id) { revisions { revision solution editedBy } } }',
      { id: article.id },
      as.agent,
    );
    expect(knowledgeArticle.revisions.map((r) => [r.revision, r.solution])).toEqual([
      [2, '先同步令牌;仍失敗則重置密碼。'],
      [1, '在自助門戶同步動態令牌,再確認域賬號密碼未過期。'],
    ]);
    const events = (await waitForArticleEvents(article.id, 4)).map((e) => e.type);
    expect(events).toEqual([
      'knowledge.article_drafted',
      'knowledge.article_submitted',
      'knowledge.article_published',
      'knowledge.article_revised',
    ]);
  });

  it('the editor of a revision cannot approve it, and agents cannot approve at all', async () => {
    const drafted = (
      await harness.data<{ draftKnowledgeArticle: Article }>(DRAFT, { input: content() }, as.manager)
    ).draftKnowledgeArticle;
    const submitted = (
      await harness.data<{ submitKnowledgeArticle: Article }>(
        SUBMIT,
        { input: { articleId: drafted.id, expectedVersion: drafted.version } },
        as.manager,
      )
    ).submitKnowledgeArticle;
    const ref = { articleId: drafted.id, expectedVersion: submitted.version };
    const own = await harness.gql(APPROVE, { input: ref }, as.manager);
    expect(own.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: expect.stringMatching(/another manager/),
    });
    const agent = await harness.gql(APPROVE, { input: ref }, as.agent);
    expect(agent.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const approved = await harness.data<{ approveKnowledgeArticle: Article }>(
      APPROVE,
      { input: ref },
      as.director,
    );
    expect(approved.approveKnowledgeArticle.status).toBe('PUBLISHED');
  });

  it('refuses bad links and unknown departments with the field, writing nothing', async () => {
    const before = await harness.sql('select count(*)::int as n from knowledge_articles');
    const badUrl = await harness.gql(
      DRAFT,
      { input: content({ attachments: [{ label: 'x', url: 'javascript:alert(1)' }] }) },
      as.agent,
    );
    expect(badUrl.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.attachments.0.url',
    });
    const otherDepartment = await harness.gql(
      DRAFT,
      { input: { ...content(), departmentId: ids.fieldTech } },
      as.agent,
    );
    expect(otherDepartment.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const customer = await harness.gql(SEARCH, { query: 'VPN' }, as.customerA);
    expect(customer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const empty = await harness.gql(SEARCH, { query: '?!' }, as.agent);
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
    expect(await harness.sql('select count(*)::int as n from knowledge_articles')).toEqual(before);
  });

  it('finds published articles by a Chinese keyword, page by page, and only those the department reads', async () => {
    await publish(as.agent, {
      title: '打印機卡紙 第一篇',
      problem: '打印機卡紙',
      solution: '取出紙張',
      tags: [],
    });
    await publish(as.agent, {
      title: '打印機卡紙 第二篇',
      problem: '打印機又卡紙了',
      solution: '清潔搓紙輪',
      tags: [],
    });
    await publish(as.technician, {
      title: '打印機卡紙 現場',
      problem: '打印機卡紙',
      solution: '現場處理',
      tags: [],
      departmentId: ids.fieldTech,
    });
    type Page = {
      searchKnowledge: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { article: { title: string } } }[];
      };
    };
    const first = await harness.data<Page>(SEARCH, { query: '卡紙', first: 1 }, as.agent);
    expect(first.searchKnowledge.totalCount).toBe(2);
    expect(first.searchKnowledge.pageInfo.hasNextPage).toBe(true);
    const second = await harness.data<Page>(
      SEARCH,
      { query: '卡紙', first: 1, after: first.searchKnowledge.pageInfo.endCursor },
      as.agent,
    );
    const titles = [...first.searchKnowledge.edges, ...second.searchKnowledge.edges].map(
      (e) => e.node.article.title,
    );
    expect(titles.sort()).toEqual(['打印機卡紙 第一篇', '打印機卡紙 第二篇']);
    const technician = await harness.data<Page>(SEARCH, { query: '卡紙' }, as.technician);
    expect(technician.searchKnowledge.totalCount).toBe(3);
  });

  it('finds an article written in Simplified by a Traditional query, and the other way round', async () => {
    await publish(as.agent, {
      title: '网络中断 简体',
      problem: '办公室网络经常中断',
      solution: '更换交换机端口',
      tags: [],
    });
    await publish(as.agent, {
      title: '網絡打印 繁體',
      problem: '網絡打印機無法連接',
      solution: '重新設定打印機地址',
      tags: [],
    });
    const titles = async (query: string) =>
      (
        await harness.data<{ searchKnowledge: { edges: { node: { article: { title: string } } }[] } }>(
          SEARCH,
          { query },
          as.agent,
        )
      ).searchKnowledge.edges
        .map((e) => e.node.article.title)
        .sort();
    expect(await titles('網絡中斷')).toEqual(['网络中断 简体']);
    expect(await titles('网络打印')).toEqual(['網絡打印 繁體']);
    expect(await titles('網絡')).toEqual(await titles('网络'));
    expect(await titles('网络')).toEqual(expect.arrayContaining(['網絡打印 繁體', '网络中断 简体']));
  });

  it('links an article to a ticket as its solution, once, and counts it', async () => {
    const article = await publish(as.agent, { title: '發票頁面報錯 500' });
    const ticket = await openTicket(harness);
    const linked = await harness.data<{ linkKnowledgeArticle: Article }>(
      LINK,
      { input: { articleId: article.id, ticketId: ticket.id } },
      as.agent,
    );
    expect(linked.linkKnowledgeArticle.solvedCount).toBe(1);
    const again = await harness.gql(
      LINK,
      { input: { articleId: article.id, ticketId: ticket.id } },
      as.agent,
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.articleId' });
    const { ticket: view } = await harness.data<{
      ticket: { solutions: { id: string; solvedCount: number }[] };
    }>('query($id: ID!) { ticket(id: $id) { solutions { id solvedCount } } }', { id: ticket.id }, as.agent);
    expect(view.solutions).toEqual([{ id: article.id, solvedCount: 1 }]);
    const audit = await harness.sql<{ action: string }>(
      "select action from audit_log where aggregate_id = $1 and action = 'LINK_SOLUTION'",
      [ticket.id],
    );
    expect(audit).toHaveLength(1);
    const solved = (await waitForArticleEvents(article.id, 4)).at(-1)!;
    expect(solved).toMatchObject({
      type: 'knowledge.article_solved_ticket',
      data: { ticketId: ticket.id, solvedCount: 1 },
    });
  });
});

const waitForArticleEvents = (articleId: string, count: number) =>
  eventsOf(harness.kafka, 'knowledge', articleId, count);
