import { isPrefixTerm, searchQueryWords } from '../../../shared/searchWords.js';
import type { Db, Dialect, Tx } from '../../db/client.js';

/**
 * The inbox search's SQL, for SQLite (FTS5, prisma/migrations/sqlite/*_inbox_search) and PostgreSQL (a GIN
 * expression index, prisma/migrations/postgres/*_search_accents). Both fold accents and case. Nothing the user typed ever reaches either
 * query language as syntax: the text is cut into words (letters, digits, combining marks), each word is
 * passed as a quoted string (FTS5) or a quoted lexeme (tsquery), so quotes, `*`, `-`, `NEAR`, `AND`,
 * parentheses or `:` are only separators or plain words.
 */

/**
 * More words than this are ignored: each one is a posting-list lookup (repeats and, beside longer words,
 * one-character words are left out first, see searchQueryWords; a one-character word is never a prefix).
 */
const SEARCH_TERMS_MAX = 16;

/**
 * The words a search text looks up (searchQueryWords: lower-cased, NFKC, no repeats, no one-character word
 * beside a longer one), at most SEARCH_TERMS_MAX. Empty when the text has no letter or digit (e.g. `"*"`):
 * such a search matches nothing.
 *
 * @example
 * searchTerms('Deploy "failed" -prod* a'); // ['deploy', 'failed', 'prod']
 */
export function searchTerms(text: string): string[] {
  return searchQueryWords(text).slice(0, SEARCH_TERMS_MAX);
}

/** Whether the term at `index` is looked up as a prefix: the last one, from two characters (isPrefixTerm). */
const asPrefix = (terms: readonly string[], index: number) => index === terms.length - 1 && isPrefixTerm(terms[index]!);

/**
 * An FTS5 MATCH expression: the user's postings (`userId` is indexed too, so the search reads only theirs),
 * then every word in title or body, the last one as a prefix (from two characters). Words go in double quotes (any `"` doubled):
 * FTS5 strings, never operators or column filters.
 */
function ftsExpression(userId: string, terms: readonly string[]): string {
  const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
  const words = terms.map((term, index) => (asPrefix(terms, index) ? `${quote(term)}*` : quote(term)));
  return `userId : ${quote(userId)} AND {title body} : (${words.join(' AND ')})`;
}

/**
 * A tsquery text: every word as a quoted lexeme (`'…'`, any `'` or `\` doubled or escaped, though words
 * have none), AND-ed, the last one a prefix (`:*`, from two characters).
 */
function tsQueryText(terms: readonly string[]): string {
  const quote = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
  return terms.map((term, index) => (asPrefix(terms, index) ? `${quote(term)}:*` : quote(term))).join(' & ');
}

/**
 * The text search configuration of the PostgreSQL index: 'simple' with accents folded
 * (prisma/migrations/postgres/*_search_accents), as FTS5 folds them on SQLite.
 */
const PG_CONFIG = `'flashnotify_search'::regconfig`;

/** The indexed expression of the PostgreSQL search index: the query must repeat it exactly for the index to serve. */
const PG_DOCUMENT = `to_tsvector(${PG_CONFIG}, "title" || ' ' || "body")`;

/** One match: enough to page (seq) and to load the row (id). */
export interface SearchHit {
  id: string;
  seq: number;
}

/** Where to look: `seq < beforeSeq` (the page cursor) and `seq <= upToSeq` (a bulk action's bound), newest first. */
export interface SearchWindow {
  beforeSeq?: number;
  upToSeq?: number;
  take: number;
}

/**
 * The user's undeleted notifications whose title or body contain every word of `terms` (the last as a
 * prefix from two characters), newest first, at most `take`. Runs through Prisma (`$queryRawUnsafe`, parameters bound), so it
 * works inside a transaction too.
 */
export async function searchNotificationHits(
  db: Db | Tx,
  dialect: Dialect,
  userId: string,
  terms: readonly string[],
  { beforeSeq, upToSeq, take }: SearchWindow,
): Promise<SearchHit[]> {
  if (terms.length === 0) return [];
  const bounds: string[] = [];
  const params: unknown[] = [];
  const placeholder = () => (dialect === 'postgres' ? `$${params.length}` : '?');
  const bind = (value: unknown) => {
    params.push(value);
    return placeholder();
  };
  let sql: string;
  if (dialect === 'postgres') {
    sql = `SELECT "id", "seq" FROM "Notification" WHERE "userId" = ${bind(userId)} AND "deletedAt" IS NULL AND ${PG_DOCUMENT} @@ to_tsquery(${PG_CONFIG}, ${bind(tsQueryText(terms))})`;
  } else {
    sql = `SELECT "id", "seq" FROM "Notification" WHERE "rowid" IN (SELECT "rowid" FROM "NotificationSearch" WHERE "NotificationSearch" MATCH ${bind(ftsExpression(userId, terms))}) AND "userId" = ${bind(userId)} AND "deletedAt" IS NULL`;
  }
  if (beforeSeq !== undefined) bounds.push(`"seq" < ${bind(beforeSeq)}`);
  if (upToSeq !== undefined) bounds.push(`"seq" <= ${bind(upToSeq)}`);
  sql += bounds.map((bound) => ` AND ${bound}`).join('');
  sql += ` ORDER BY "seq" DESC LIMIT ${bind(take)}`;
  const rows = await db.$queryRawUnsafe<{ id: string; seq: number | bigint }[]>(sql, ...params);
  return rows.map((row) => ({ id: row.id, seq: Number(row.seq) }));
}
