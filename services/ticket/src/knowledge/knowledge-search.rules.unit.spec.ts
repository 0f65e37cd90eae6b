import {
  cjkBigrams,
  foldToSimplified,
  searchQueryOf,
  searchText,
  searchTokens,
} from './knowledge-search.rules';

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

describe('foldToSimplified', () => {
  it.each([
    ['網絡故障', '网络故障'],
    ['打印機卡紙', '打印机卡纸'],
    ['VPN 認證失敗', 'VPN 认证失败'],
    // many-to-one: several Traditional characters share one Simplified form
    ['乾燥 幹部 干涉', '干燥 干部 干涉'],
    ['後台 皇后', '后台 皇后'],
  ])('%s → %s', (traditional, simplified) => {
    expect(foldToSimplified(traditional)).toBe(simplified);
  });

  it('leaves Simplified, Latin, kana and Hangul text as it is (folding twice changes nothing)', () => {
    for (const text of ['网络故障 打印机', 'Printer jams 500', 'プリンター 프린터', '']) {
      expect(foldToSimplified(text)).toBe(text);
    }
    expect(foldToSimplified(foldToSimplified('機房溫度過高'))).toBe('机房温度过高');
  });
});

describe('searchTokens', () => {
  it('folds Chinese to Simplified, cuts it into bigrams and leaves English words alone', () => {
    expect(searchTokens('打印機卡紙 Printer jams, 請重啟。')).toBe(
      '打印 印机 机卡 卡纸 Printer jams, 请重 重启 。',
    );
  });

  it('folds only when asked not to skip it (the index of before folding, for a migration’s down)', () => {
    expect(searchTokens('網絡ＶＰＮ', { fold: false })).toBe('網絡 VPN');
    expect(searchTokens('網絡ＶＰＮ', { fold: true })).toBe('网络 VPN');
    expect(searchText('網絡 ＶＰＮ', { fold: false })).toBe('網絡 vpn');
  });

  it('indexes the same tokens for the same text in either script', () => {
    expect(searchTokens('網絡不穩定')).toBe(searchTokens('网络不稳定'));
    expect(searchTokens('網絡不穩定')).toBe('网络 络不 不稳 稳定');
  });

  it('separates CJK glued to Latin text and normalises full-width characters', () => {
    expect(searchTokens('VPN連不上ＶＰＮ１２')).toBe('VPN 连不 不上 VPN12');
  });

  it('handles Japanese kana and Korean like Chinese', () => {
    expect(searchTokens('プリンター 프린터')).toBe('プリ リン ンタ ター 프린 린터');
  });
});

describe('searchText', () => {
  it('is the NFKC, Simplified, lower-case text the trigram column holds', () => {
    expect(searchText('ＶＰＮ 認證 Failed')).toBe('vpn 认证 failed');
  });
});

describe('searchQueryOf', () => {
  it('ANDs the bigrams of a Chinese query, folded to Simplified', () => {
    expect(searchQueryOf(' 網絡 故障 ')).toEqual({ tsquery: "'网络' & '故障'", text: '网络 故障' });
    expect(searchQueryOf('打印機')).toMatchObject({ tsquery: "'打印' & '印机'" });
  });

  it('asks the same of either script: 網絡 and 网络 find the same articles', () => {
    expect(searchQueryOf('網絡')).toEqual(searchQueryOf('网络'));
    expect(searchQueryOf('備份失敗')).toEqual({ tsquery: "'备份' & '份失' & '失败'", text: '备份失败' });
  });

  it('makes a single Chinese character a prefix and lower-cases English words', () => {
    expect(searchQueryOf('VPN 斷')).toMatchObject({ tsquery: "'vpn' & '断':*" });
    expect(searchQueryOf('Printer JAM')).toMatchObject({ tsquery: "'printer' & 'jam'" });
  });

  it('splits mixed words into their Latin and CJK parts', () => {
    expect(searchQueryOf('VPN連不上')).toMatchObject({ tsquery: "'vpn' & '连不' & '不上'" });
    expect(searchQueryOf('重置VPN密碼')).toMatchObject({ tsquery: "'重置' & 'vpn' & '密码'" });
  });

  it('never passes tsquery syntax through, and refuses a query with nothing to search', () => {
    expect(searchQueryOf("printer' | !jam:* & (x)")).toMatchObject({
      tsquery: "'printer' & 'jam' & 'x'",
    });
    expect(searchQueryOf(' ?!。 ')).toBeNull();
  });
});
