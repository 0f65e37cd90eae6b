// Full-text search over Chinese and English (docs/product.md §12.6). PostgreSQL's parsers split words at spaces and
// punctuation, so a Chinese sentence (no spaces) becomes one "word" and a query for two of its characters finds
// nothing. Before indexing and querying, every run of CJK characters is therefore cut into overlapping bigrams
// ("網絡故障" → "網絡 絡故 故障"): a query's bigrams then match wherever its characters appear together. Latin text is
// left to the `english` configuration (stemming, stop words). Pure: the service passes the results to SQL.

/** Han (incl. extensions), kana (with the prolonged sound mark ー) and Hangul: scripts written without spaces. */
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC]+/gu;

/** The bigrams of one CJK run; a single character stays itself. */
export function cjkBigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((char, index) => `${chars[index]}${char}`);
}

/** Text as the `english` parser should see it: NFKC (full-width letters and digits), CJK runs as bigrams. */
export function searchTokens(text: string): string {
  return text
    .normalize('NFKC')
    .replace(CJK_RUN, (run) => ` ${cjkBigrams(run).join(' ')} `)
    .replace(/\s+/g, ' ')
    .trim();
}

export interface SearchQuery {
  /** For `to_tsquery('english', …)`: every term must match (AND); a lone CJK character as a prefix. */
  readonly tsquery: string;
  /** The query as typed, trimmed and NFKC-normalised (for trigram similarity). */
  readonly text: string;
}

const LEXEME = /[\p{L}\p{N}]+/gu;

/**
 * The tsquery of what a user typed: CJK runs as their bigrams, other words as they are, all ANDed; tsquery syntax
 * (`&|!():*'`) typed by the user is never passed through. Null when nothing searchable is left.
 */
export function searchQueryOf(input: string): SearchQuery | null {
  const text = input.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const terms: string[] = [];
  for (const word of text.match(LEXEME) ?? []) {
    let rest = word;
    for (const run of word.match(CJK_RUN) ?? []) {
      const [before, ...after] = rest.split(run);
      if (before) terms.push(`'${before.toLowerCase()}'`);
      terms.push(...(run.length === 1 ? [`'${run}':*`] : cjkBigrams(run).map((bigram) => `'${bigram}'`)));
      rest = after.join(run);
    }
    if (rest) terms.push(`'${rest.toLowerCase()}'`);
  }
  return terms.length === 0 ? null : { tsquery: terms.join(' & '), text };
}
