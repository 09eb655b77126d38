import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { objectTypeFields } from './preset-fields.js';

// Nest's code-first schema gives every field of an object type a resolver, even a plain property (`root[name]`). For a
// field with a resolver graphql-jit builds, per row, a closure pair, an arguments object, a resolve-info object and its
// path: at a list page's 50 rows of 8 fields, about half of what a request allocates. A field without a resolver it
// reads inline. So a field whose resolver reads exactly its own property, nothing else, loses the resolver: the same
// answer, read as graphql-js's default resolver reads it.

const PROPERTY_RESOLVER = 'rootFieldResolver'; // Nest's name for it (a later Nest naming it otherwise keeps them all)

/** Whether `resolve` gives a parent's property `name` as it is, and nothing when the parent lacks it (no default). */
function readsOwnProperty(resolve: GraphQLFieldResolver<unknown, unknown>, name: string): boolean {
  if (resolve.name !== PROPERTY_RESOLVER) return false;
  const marker = {};
  const call = (parent: object) => (resolve as (parent: object) => unknown)(parent);
  try {
    return call({ [name]: marker }) === marker && call({}) === undefined;
  } catch {
    return false;
  }
}

/** The schema with the resolvers that only read their field's own property removed (operation roots left as they are). */
export function readPropertiesInline(schema: GraphQLSchema): GraphQLSchema {
  for (const field of objectTypeFields(schema)) if (field.resolve && readsOwnProperty(field.resolve, field.name)) field.resolve = undefined;
  return schema;
}
