// Full-text search over Chinese and English (docs/product.md §12.6). PostgreSQL's parsers split words at spaces and
// punctuation, so a Chinese sentence (no spaces) becomes one "word" and a query for two of its characters finds
// nothing. Before indexing and querying, every run of CJK characters is therefore cut into overlapping bigrams
// ("網絡故障" → "網絡 絡故 故障"): a query's bigrams then match wherever its characters appear together. Latin text is
// left to the `english` configuration (stemming, stop words). Pure: the service passes the results to SQL.
//
// Chinese is written in two scripts: an article may say 「网络」 (Simplified) and a reader search for 「網絡」
// (Traditional), or the other way round. Both the indexed text and the query are folded to Simplified first, with
// OpenCC's Traditional → Simplified tables (opencc-js): character and phrase tables maintained by the OpenCC project,
// which handle the many-to-one cases (乾/幹 → 干, 後 → 后, 髮/發 → 发) a hand-written table would get wrong or miss.
// Simplified text passes through unchanged, so folding is idempotent and applies to both sides alike.
import { Converter } from 'opencc-js';

/** Han (incl. extensions), kana (with the prolonged sound mark ー) and Hangul: scripts written without spaces. */
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC]+/gu;

/** Built on first use: loading OpenCC's tables takes a moment, converting afterwards well under a millisecond. */
let traditionalToSimplified: ((text: string) => string) | null = null;

/** The text with Traditional Chinese characters and phrases in their Simplified form; anything else unchanged. */
export function foldToSimplified(text: string): string {
  traditionalToSimplified ??= Converter({ from: 't', to: 'cn' });
  return traditionalToSimplified(text);
}

/** Whether Chinese is folded to Simplified (always, except to rebuild the index of before folding: a migration's down). */
export interface FoldOptions {
  readonly fold?: boolean;
}

const folded = (text: string, { fold = true }: FoldOptions) =>
  fold ? foldToSimplified(text.normalize('NFKC')) : text.normalize('NFKC');

/** Text as the trigram column and the trigram query hold it: NFKC, Simplified, lower case. */
export function searchText(text: string, options: FoldOptions = {}): string {
  return folded(text, options).toLowerCase();
}

/** The bigrams of one CJK run; a single character stays itself. */
export function cjkBigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((char, index) => `${chars[index]}${char}`);
}

/**
 * Text as the `english` parser should see it: NFKC (full-width letters and digits), Chinese folded to Simplified,
 * CJK runs as bigrams.
 */
export function searchTokens(text: string, options: FoldOptions = {}): string {
  return folded(text, options)
    .replace(CJK_RUN, (run) => ` ${cjkBigrams(run).join(' ')} `)
    .replace(/\s+/g, ' ')
    .trim();
}

export interface SearchQuery {
  /** For `to_tsquery('english', …)`: every term must match (AND); a lone CJK character as a prefix. */
  readonly tsquery: string;
  /** The query as typed, trimmed, NFKC-normalised and folded to Simplified (for trigram similarity). */
  readonly text: string;
}

const LEXEME = /[\p{L}\p{N}]+/gu;

/**
 * The tsquery of what a user typed: Chinese folded to Simplified as the index is, CJK runs as their bigrams, other
 * words as they are, all ANDed; tsquery syntax (`&|!():*'`) typed by the user is never passed through. Null when
 * nothing searchable is left.
 */
export function searchQueryOf(input: string): SearchQuery | null {
  const text = foldToSimplified(input.normalize('NFKC')).replace(/\s+/g, ' ').trim();
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
