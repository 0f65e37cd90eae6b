import { formatDueAt, renderCannedReply, unknownVariables, usedVariables } from './canned-reply.rules';

const values = {
  'customer.name': '翡翠食品 Jade Foods',
  'ticket.number': 'TCK-000042',
  'ticket.subject': 'Invoices page shows an error',
  'ticket.dueAt': '2026-12-07 13:00 (Asia/Shanghai)',
};

describe('renderCannedReply', () => {
  it('replaces each known variable, with or without spaces inside the braces', () => {
    expect(
      renderCannedReply('Dear {{customer.name}}, {{ ticket.number }} is due {{ticket.dueAt}}.', values),
    ).toBe('Dear 翡翠食品 Jade Foods, TCK-000042 is due 2026-12-07 13:00 (Asia/Shanghai).');
  });

  it('never evaluates or re-scans a value: placeholders and markup inside values stay literal', () => {
    const hostile = {
      ...values,
      'customer.name': '{{ticket.number}} <script>alert(1)</script> ${process.env}',
    };
    expect(renderCannedReply('Hello {{customer.name}} / {{ticket.number}}', hostile)).toBe(
      'Hello {{ticket.number}} <script>alert(1)</script> ${process.env} / TCK-000042',
    );
  });

  it('leaves unknown placeholders as written and shows an unknown value as a dash', () => {
    expect(
      renderCannedReply('{{constructor.constructor}} {{ticket.dueAt}}', { ...values, 'ticket.dueAt': null }),
    ).toBe('{{constructor.constructor}} —');
  });
});

describe('unknownVariables', () => {
  it('lists each unknown placeholder once', () => {
    expect(unknownVariables('{{customer.name}} {{ customer.phone }} {{x}} {{x}} {{ticket.number}}')).toEqual([
      'customer.phone',
      'x',
    ]);
    expect(unknownVariables('No variables at all {single} braces')).toEqual([]);
  });
});

describe('formatDueAt', () => {
  it('reads in the calendar zone, or UTC', () => {
    const due = new Date('2026-12-07T05:00:00Z');
    expect(formatDueAt(due, 'Asia/Shanghai')).toBe('2026-12-07 13:00 (Asia/Shanghai)');
    expect(formatDueAt(due, null)).toBe('2026-12-07 05:00 (UTC)');
  });
});

describe('usedVariables', () => {
  it('lists the known variables a template uses, in order of first appearance, each once', () => {
    expect(
      usedVariables('{{ticket.dueAt}} for {{ customer.name }}: {{ticket.number}}, {{ticket.dueAt}} {{customer.phone}}'),
    ).toEqual(['ticket.dueAt', 'customer.name', 'ticket.number']);
    expect(usedVariables('No variables {here}')).toEqual([]);
  });
});
