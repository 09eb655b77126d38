import { type ArgumentNode, type DocumentNode, GraphQLError, Kind, type ValueNode, visit } from 'graphql';

/**
 * Mercurius preExecution hook: PostgreSQL text cannot hold U+0000, so a NUL character in any string the
 * request carries (an argument literal or a variable, at any depth) is BAD_USER_INPUT before anything runs,
 * not an INTERNAL_SERVER_ERROR from the database halfway through. Mercurius reuses one document per query
 * text, so the document's literals are walked once per text (remembered here); the variables on every request.
 */
export async function rejectNulCharacters(_schema: unknown, document: DocumentNode, _context: unknown, variables?: Record<string, unknown>) {
  const where = nulIn(variables ?? {}, '$') ?? nulInDocumentOnce(document);
  if (where) {
    throw new GraphQLError(`${where} contains a NUL character (U+0000), which text cannot hold; remove it`, {
      extensions: { code: 'BAD_USER_INPUT', field: where },
    });
  }
}

function nulIn(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) return value.reduce<string | null>((found, item, index) => found ?? nulIn(item, `${path}[${index}]`), null);
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nulIn(item, path === '$' ? `$${key}` : `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

const documents = new WeakMap<DocumentNode, string | null>();

function nulInDocumentOnce(document: DocumentNode): string | null {
  let found = documents.get(document);
  if (found === undefined) documents.set(document, (found = nulInDocument(document)));
  return found;
}

function nulInDocument(document: DocumentNode): string | null {
  let found: string | null = null;
  visit(document, {
    Argument(argument: ArgumentNode) {
      if (!found && hasNul(argument.value)) found = `argument ${argument.name.value}`;
    },
  });
  return found;
}

function hasNul(value: ValueNode): boolean {
  switch (value.kind) {
    case Kind.STRING:
      return value.value.includes('\u0000');
    case Kind.LIST:
      return value.values.some(hasNul);
    case Kind.OBJECT:
      return value.fields.some((field) => hasNul(field.value));
    default:
      return false;
  }
}
