import { gql } from './graphql-client.js';

// The dashboard asks the server which queries, mutations and fields it has, so a view whose API is not
// there (an older server) says so instead of failing with a GraphQL validation error.

interface TypeInfo {
  name: string;
  fields: { name: string; args: { name: string }[] }[] | null;
  inputFields: { name: string }[] | null;
}

let types: Map<string, TypeInfo> | null = null;

export async function loadSchema(): Promise<void> {
  const data = await gql<{ __schema: { types: TypeInfo[] } }>(`{ __schema { types {
    name fields { name args { name } } inputFields { name } } } }`);
  types = new Map(data.__schema.types.map((type) => [type.name, type]));
}

/** Whether `Type.field` exists (Query.meetings, Mutation.logMeetingOutcome, Meeting.participants…). */
export function has(path: string): boolean {
  const [typeName, field] = path.split('.');
  const type = types?.get(typeName);
  if (!type) return false;
  if (!field) return true;
  return Boolean(type.fields?.some((f) => f.name === field) || type.inputFields?.some((f) => f.name === field));
}

export function hasArg(path: string, arg: string): boolean {
  const [typeName, field] = path.split('.');
  return Boolean(types?.get(typeName)?.fields?.find((f) => f.name === field)?.args.some((a) => a.name === arg));
}

/** The first of these that exists, for fields whose name the API may spell differently. */
export const firstOf = (...paths: string[]) => paths.find(has) ?? null;

/** Fields of an object type, to pick only those that exist (e.g. evidence on a node type). */
export const fieldsOf = (typeName: string): string[] => types?.get(typeName)?.fields?.map((f) => f.name) ?? [];
