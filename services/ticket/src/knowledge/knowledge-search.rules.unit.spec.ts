import { cjkBigrams, searchQueryOf, searchTokens } from './knowledge-search.rules';

describe('cjkBigrams', () => {
  it.each([
    ['網絡故障', ['網絡', '絡故', '故障']],
    ['卡紙', ['卡紙']],
    ['機', ['機']],
    ['', []],
    ['𠮷野家', ['𠮷野', '野家']],
  ])('%s → %j', (run, bigrams) => {
    expect(cjkBigrams(run)).toEqual(bigrams);
  });
});

describe('searchTokens', () => {
  it('cuts Chinese runs into bigrams and leaves English words alone', () => {
    expect(searchTokens('打印機卡紙 Printer jams, 請重啟。')).toBe(
      '打印 印機 機卡 卡紙 Printer jams, 請重 重啟 。',
    );
  });

  it('separates CJK glued to Latin text and normalises full-width characters', () => {
    expect(searchTokens('VPN連不上ＶＰＮ１２')).toBe('VPN 連不 不上 VPN12');
  });

  it('handles Japanese kana and Korean like Chinese', () => {
    expect(searchTokens('プリンター 프린터')).toBe('プリ リン ンタ ター 프린 린터');
  });
});

describe('searchQueryOf', () => {
  it('ANDs the bigrams of a Chinese query', () => {
    expect(searchQueryOf(' 網絡 故障 ')).toEqual({ tsquery: "'網絡' & '故障'", text: '網絡 故障' });
    expect(searchQueryOf('打印機')).toMatchObject({ tsquery: "'打印' & '印機'" });
  });

  it('makes a single Chinese character a prefix and lower-cases English words', () => {
    expect(searchQueryOf('VPN 斷')).toMatchObject({ tsquery: "'vpn' & '斷':*" });
    expect(searchQueryOf('Printer JAM')).toMatchObject({ tsquery: "'printer' & 'jam'" });
  });

  it('splits mixed words into their Latin and CJK parts', () => {
    expect(searchQueryOf('VPN連不上')).toMatchObject({ tsquery: "'vpn' & '連不' & '不上'" });
    expect(searchQueryOf('重置VPN密碼')).toMatchObject({ tsquery: "'重置' & 'vpn' & '密碼'" });
  });

  it('never passes tsquery syntax through, and refuses a query with nothing to search', () => {
    expect(searchQueryOf("printer' | !jam:* & (x)")).toMatchObject({
      tsquery: "'printer' & 'jam' & 'x'",
    });
    expect(searchQueryOf(' ?!。 ')).toBeNull();
  });
});
