// The AST types are Handlebars' global `hbs` namespace (handlebars/types); nothing is imported at run time.
import type {} from 'handlebars';

type Node = hbs.AST.Node;

/** The recipient fields a template may use: `{{recipient.name}}` etc. */
const RECIPIENT_TEMPLATE_FIELDS = ['id', 'name', 'email', 'externalId', 'locale', 'timezone'] as const;

/** A template that uses something notification templates do not allow; the message says what. */
export class TemplateCheckError extends Error {}

/** The block helpers a template may use; `each` and `with` render their body with a new context. */
const BLOCK_HELPERS: Record<string, 'keeps' | 'changes'> = { if: 'keeps', unless: 'keeps', each: 'changes', with: 'changes' };

/**
 * Handlebars' built-in helpers: a bare `{{log}}` or `{{lookup}}` calls the helper rather than reading a
 * field (`{{log}}` writes to the server's console), so only `this.log` may read a field of that name.
 */
const BUILTIN_HELPERS = new Set(['blockHelperMissing', 'each', 'helperMissing', 'if', 'log', 'lookup', 'unless', 'with']);

/** `@` variables a template may read: the `each` item's position, and `@root` (checked like the top level). */
const DATA_VARIABLES = new Set(['index', 'key', 'first', 'last', 'root']);

/**
 * What `this` is at a point of the template: the top level (`{ recipient, data }`, where only
 * `recipient.<field>` and `data.…` may be read) or a value taken from those inside an `each`/`with`
 * (anything under it may be read).
 */
type Scope = 'top' | 'inner';

const variableHint = `use data.<key> or recipient.${RECIPIENT_TEMPLATE_FIELDS.join('|')}`;

/**
 * Checks a parsed template against what notification templates allow: text, comments, `{{path}}` /
 * `{{{path}}}` without arguments, and `if`/`unless`/`each`/`with` blocks with exactly one path argument.
 * No other helpers, no partials, decorators, sub-expressions, hash arguments or bare `{{#path}}` sections
 * (whose meaning depends on the data's type). A path that reads the top level (directly, through `../`
 * or `@root`) must name `recipient.<field>` or `data.…`.
 *
 * This is what makes a typo a 400 at once; what a rendering can reach is also limited by its context,
 * which holds only those fields (notificationTemplate.ts), so a path the check cannot follow still finds
 * nothing else.
 *
 * @throws TemplateCheckError naming the first construct that is not allowed
 */
export function checkTemplate(program: hbs.AST.Program): void {
  checkProgram(program, ['top']);
}

function checkProgram(program: hbs.AST.Program | undefined, scopes: Scope[]): void {
  for (const statement of program?.body ?? []) checkStatement(statement, scopes);
}

function checkStatement(node: Node, scopes: Scope[]): void {
  switch (node.type) {
    case 'ContentStatement':
    case 'CommentStatement':
      return;
    case 'MustacheStatement': {
      const mustache = node as hbs.AST.MustacheStatement;
      if (mustache.params.length > 0 || mustache.hash) throw new TemplateCheckError(`Helpers are not available in "{{${describe(mustache.path)} …}}": ${variableHint}`);
      if (callsBuiltinHelper(mustache.path)) {
        const name = describe(mustache.path);
        throw new TemplateCheckError(`Helpers are not available in "{{${name}}}": use {{this.${name}}} to read a field of that name`);
      }
      checkPath(mustache.path, scopes);
      return;
    }
    case 'BlockStatement': {
      const block = node as hbs.AST.BlockStatement;
      const name = block.path.original;
      const kind = block.path.type === 'PathExpression' && block.path.depth === 0 && !block.path.data ? BLOCK_HELPERS[name] : undefined;
      if (!kind) throw new TemplateCheckError(`Unknown block "{{#${name}}}": use {{#if}}, {{#unless}}, {{#each}} or {{#with}}`);
      if (block.params.length !== 1 || block.hash) throw new TemplateCheckError(`{{#${name}}} takes exactly one value, e.g. {{#${name} data.items}}`);
      checkPath(block.params[0]!, scopes);
      if (name === 'with' && namesAContextItself(block.params[0]!)) {
        throw new TemplateCheckError(`{{#with ${describe(block.params[0]!)}}} steps into nothing new: name a field, e.g. {{#with data.order}}`);
      }
      checkProgram(block.program, kind === 'changes' ? [...scopes, 'inner'] : scopes);
      // `{{else}}` renders with the block's own context.
      checkProgram(block.inverse, scopes);
      return;
    }
    default:
      throw new TemplateCheckError(`${label(node.type)} are not available in notification templates: ${variableHint}`);
  }
}

function checkPath(node: Node, scopes: Scope[]): void {
  if (node.type !== 'PathExpression') throw new TemplateCheckError(`${label(node.type)} are not available in notification templates: ${variableHint}`);
  const path = node as hbs.AST.PathExpression;
  if (path.data) {
    const [variable, ...rest] = path.parts;
    if (!DATA_VARIABLES.has(variable ?? '')) throw new TemplateCheckError(`Unknown variable "{{${path.original}}}": ${variableHint}`);
    if (variable === 'root') checkTopLevelParts(rest, path.original);
    return;
  }
  // `../` climbs one context per level; `this.` (depth 0) and a bare name both read the current one.
  const scope = scopes[scopes.length - 1 - path.depth];
  if (scope === undefined) throw new TemplateCheckError(`"{{${path.original}}}" climbs above the top level: ${variableHint}`);
  if (scope === 'top') checkTopLevelParts(path.parts, path.original);
}

/**
 * Whether a block argument is a context as such (`this`, `.`, `..`, `@root`) rather than a field of one.
 * Handlebars counts `../` levels only where the context changes (runtime `wrapProgram`: a block whose
 * context is the current one pushes no level), so `{{#with this}}` would make every `../` inside it climb
 * one level further than this check counts. Stepping into a field almost always changes the context;
 * where it does not (the same object reached twice), what a path can reach is still only the rendering
 * context's `recipient.<field>` and `data` (notificationTemplate.ts).
 */
function namesAContextItself(node: Node): boolean {
  if (node.type !== 'PathExpression') return false;
  const path = node as hbs.AST.PathExpression;
  return path.parts.length === 0 || (path.data && path.parts.length === 1 && path.parts[0] === 'root');
}

/** Whether Handlebars would call `path` as a helper: one plain segment (its `simpleId`) naming a built-in one. */
function callsBuiltinHelper(node: Node): boolean {
  if (node.type !== 'PathExpression') return false;
  const path = node as hbs.AST.PathExpression;
  return !path.data && path.depth === 0 && path.parts.length === 1 && !/^\.|this\b/.test(path.original) && BUILTIN_HELPERS.has(path.parts[0]!);
}

function checkTopLevelParts(parts: string[], original: string): void {
  const [root, field] = parts;
  const known = root === 'data' || (root === 'recipient' && (RECIPIENT_TEMPLATE_FIELDS as readonly string[]).includes(field ?? ''));
  if (!known) throw new TemplateCheckError(`Unknown variable "{{${original}}}": ${variableHint}`);
}

const describe = (node: Node) => (node.type === 'PathExpression' ? (node as hbs.AST.PathExpression).original : node.type);

/** `PartialStatement` → `Partials`, `SubExpression` → `Sub-expressions`, for messages. */
function label(type: string): string {
  const words: Record<string, string> = {
    PartialStatement: 'Partials',
    PartialBlockStatement: 'Partials',
    Decorator: 'Decorators',
    DecoratorBlock: 'Decorators',
    SubExpression: 'Sub-expressions',
    StringLiteral: 'Literal values',
    NumberLiteral: 'Literal values',
    BooleanLiteral: 'Literal values',
    UndefinedLiteral: 'Literal values',
    NullLiteral: 'Literal values',
  };
  return words[type] ?? `${type} constructs`;
}
