import { session } from '../auth/session.js';

/** A GraphQL error with its `extensions.code` (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND, CONFLICT…). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly errors: GraphqlError[] = [],
  ) {
    super(message);
  }

  /** Field errors for inline validation: from `extensions.field` / `extensions.fields` when the API gives them. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const error of this.errors) {
      const ext = error.extensions ?? {};
      if (typeof ext.field === 'string') out[ext.field] = error.message;
      if (ext.fields && typeof ext.fields === 'object') {
        for (const [field, message] of Object.entries(ext.fields as Record<string, unknown>)) out[field] = String(message);
      }
    }
    return out;
  }
}

export interface GraphqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

let onUnauthenticated: (() => void) | null = null;
export const whenUnauthenticated = (handler: () => void) => (onUnauthenticated = handler);

/** POST /graphql with the session's key; throws ApiError on any error (the first one's code). */
export async function gql<T>(query: string, variables?: Record<string, unknown>, key = session()?.key): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new ApiError(`The API is unreachable (${(error as Error).message}).`, 'NETWORK');
  }
  let body: { data?: T | null; errors?: GraphqlError[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The API answered ${response.status} ${response.statusText} without JSON.`, 'HTTP_' + response.status);
  }
  if (body.errors?.length) {
    const first = body.errors[0];
    const code = first.extensions?.code ?? (response.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL');
    if (code === 'UNAUTHENTICATED' && key === session()?.key) onUnauthenticated?.();
    throw new ApiError(first.message, code, body.errors);
  }
  if (!body.data) throw new ApiError(`The API answered ${response.status} with no data.`, 'INTERNAL');
  return body.data;
}
