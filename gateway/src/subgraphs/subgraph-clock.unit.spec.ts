import { SubgraphClock } from './subgraph-clock';

describe('SubgraphClock', () => {
  let now = 0;
  const clock = () => new SubgraphClock(() => now);

  it('counts overlapping calls once and the gaps between them not at all', () => {
    const subject = clock();
    now = 10;
    subject.enter(); // a
    now = 12;
    subject.enter(); // b
    now = 15;
    subject.leave(); // a
    now = 20;
    subject.leave(); // b: 10–20
    now = 30;
    subject.enter(); // c
    now = 34;
    subject.leave(); // c: 30–34
    now = 50;
    expect(subject.busyMs()).toBe(14);
  });

  it('counts a call still in flight up to now', () => {
    const subject = clock();
    now = 100;
    subject.enter();
    now = 130;
    expect(subject.busyMs()).toBe(30);
    now = 140;
    subject.leave();
    now = 200;
    expect(subject.busyMs()).toBe(40);
  });

  it('is zero before any call and ignores a leave without an enter', () => {
    const subject = clock();
    now = 5;
    expect(subject.busyMs()).toBe(0);
    subject.leave();
    subject.enter();
    now = 9;
    subject.leave();
    expect(subject.busyMs()).toBe(4);
  });
});
