import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import type { Type } from 'typescript';

/**
 * A Prisma client, or the client of an interactive transaction, is whatever can run raw SQL. Both
 * generated clients (SQLite, PostgreSQL) and every `Tx` have `$executeRaw`; nothing else in the code does,
 * so a structural check finds the client whatever it is called (`ctx.db`, `deps.db`, `tx`, an alias).
 */
function isDatabaseClient(type: Type): boolean {
  if (type.isUnion()) return type.types.some(isDatabaseClient);
  return type.getProperty('$executeRaw') !== undefined;
}

// Opening and closing the connection is the composition root's job (server/server.ts), not a query.
const LIFECYCLE = new Set(['$connect', '$disconnect']);

/**
 * `flashnotify/no-database-access`: reports every use of a Prisma client's members (`ctx.db.user.findMany`,
 * `db.$transaction`, `const { user } = ctx.db`) in a file where it is enabled. Passing the client on to a
 * service (`listTopics(ctx.db)`) is no access and is allowed: that is how routes hand work to services;
 * so are `$connect`/`$disconnect`.
 * Needs type information (typescript-eslint's parser with a project).
 *
 * @example
 * // eslint.config.ts, for the layers that do not own the database:
 * { files: ['server/routes/**'], rules: { 'flashnotify/no-database-access': 'error' } }
 */
export const noDatabaseAccess = ESLintUtils.RuleCreator.withoutDocs({
  meta: {
    type: 'problem',
    docs: { description: 'Database access only in the layers that own it (services, db, delivery, scripts, tests)' },
    messages: {
      access:
        'Database access outside the layers that own it: move this query into a service (server/services/<area>/<operation>.ts) and call that.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const isClient = (node: TSESTree.Node) => isDatabaseClient(services.getTypeAtLocation(node));
    return {
      MemberExpression(node) {
        if (node.property.type === AST_NODE_TYPES.Identifier && LIFECYCLE.has(node.property.name)) return;
        if (isClient(node.object)) context.report({ node, messageId: 'access' });
      },
      VariableDeclarator(node) {
        if (node.id.type === AST_NODE_TYPES.ObjectPattern && node.init && isClient(node.init)) context.report({ node, messageId: 'access' });
      },
    };
  },
});
