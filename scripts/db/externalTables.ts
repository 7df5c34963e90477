/**
 * Tables the migrations create by hand and Prisma does not model: the migration diff (`db:migrate`, the
 * schema drift test) must leave them alone instead of proposing to drop them. This is Prisma's
 * "external tables" filter (`tables.external` in prisma.config.ts), given to the WASM engine directly.
 *
 * - NotificationSearch*: the SQLite FTS5 index of the inbox search and the shadow tables FTS5 keeps
 *   (prisma/migrations/sqlite/*_inbox_search). PostgreSQL's search index is an expression index, which
 *   the diff ignores by itself.
 */
export const EXTERNAL_TABLES = [
  'NotificationSearch',
  'NotificationSearch_config',
  'NotificationSearch_data',
  'NotificationSearch_docsize',
  'NotificationSearch_idx',
] as const;
