import { Logger } from '@nestjs/common';
import { type ExecutionResult, GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import { prefersGraphqlResponseJson } from '../graphql/http/media-type.js';
import { isDatabaseUnavailable } from '@dyad/database';
import { DATABASE_UNAVAILABLE, type GraphqlErrorCode, STATUS_OF_CODE } from './graphql-error.mapper.js';

const CODE_BY_STATUS: Record<number, GraphqlErrorCode> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

type WithStatus = { statusCode?: unknown; code?: unknown; errors?: unknown };

interface Classified {
  error: GraphQLFormattedError;
  /** An HTTP status the error itself asks for (401, 405, 413, 415, a malformed body's 400). */
  status?: number;
}

export interface ErrorFormatterOptions {
  /** Outside production, internal errors keep their message (never a stack). */
  exposeInternals: boolean;
}

/**
 * Mercurius' errorFormatter: every error any stage produces (body parsing, auth hook, parse, validation,
 * limits, execution) leaves as a GraphQL error with `extensions.code` and no stack. Status codes follow
 * GraphQL over HTTP: with `application/json` a GraphQL request error is 200; with
 * `application/graphql-response+json` it is 400 and has no `data`.
 */
export function createGraphqlErrorFormatter({ exposeInternals }: ErrorFormatterOptions) {
  const logger = new Logger('GraphQL');
  return (execution: ExecutionResult & { errors: readonly GraphQLError[] }, context: MercuriusContext) => {
    const request = context?.reply?.request;
    const classified = execution.errors.flatMap((error) => classify(error, exposeInternals, logger, request?.routeOptions?.bodyLimit));
    const errors = classified.map((entry) => entry.error);
    // An unavailable database or a rate limit is the whole response's status, also beside partial data.
    const forced = errors.map((error) => STATUS_OF_CODE[error.extensions?.code as GraphqlErrorCode]).find(Boolean);
    if (execution.data !== undefined) return { statusCode: forced ?? 200, response: { data: execution.data, errors } };
    const graphqlResponse = prefersGraphqlResponseJson(request?.headers.accept);
    const status = forced ?? classified.find((entry) => entry.status !== undefined)?.status;
    const statusCode =
      status ?? (errors.some((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR') ? 500 : graphqlResponse ? 400 : 200);
    return { statusCode, response: graphqlResponse ? { errors } : { data: null, errors } };
  };
}

function classify(error: GraphQLError, exposeInternals: boolean, logger: Logger, bodyLimit?: number): Classified[] {
  const original = error.originalError as (Error & WithStatus) | undefined;
  // Mercurius bundles parse, validation and request-shape errors into one MER_ERR_GQL_VALIDATION (or 405).
  if (original && Array.isArray(original.errors)) {
    const bundleStatus = typeof original.statusCode === 'number' ? original.statusCode : 400;
    return (original.errors as (Error & WithStatus)[]).map((inner) => {
      if (inner instanceof GraphQLError) {
        // Syntax, validation, coercion: a GraphQL request error (status chosen by the media type).
        const status = bundleStatus === 400 ? undefined : bundleStatus;
        return { error: formatted(inner, (inner.extensions?.code as string) ?? 'BAD_USER_INPUT'), status };
      }
      // A body or query string that is not a GraphQL-over-HTTP request at all.
      return { error: { message: inner.message, extensions: { code: 'BAD_USER_INPUT' } }, status: bundleStatus };
    });
  }
  const status = numeric(error as WithStatus) ?? numeric(original);
  const code = error.extensions?.code as string | undefined;
  if (code) return [{ error: formatted(error, code), status }];
  if (status !== undefined && status < 500) {
    return [{ error: formatted(error, CODE_BY_STATUS[status] ?? 'BAD_USER_INPUT', transportMessage(error, original, bodyLimit)), status }];
  }
  // graphql-js' own request errors (e.g. variable coercion under JIT) have no original error and no path.
  if (!original && !error.path) return [{ error: formatted(error, 'BAD_USER_INPUT') }];
  if (isDatabaseUnavailable(original)) return [{ error: formatted(error, 'SERVICE_UNAVAILABLE', DATABASE_UNAVAILABLE), status: 503 }];
  logger.error(original?.stack ?? error.stack ?? error.message);
  const message = exposeInternals ? error.message : 'Internal server error';
  return [{ error: formatted(error, 'INTERNAL_SERVER_ERROR', message), status: error.path ? undefined : 500 }];
}

function numeric(value: WithStatus | undefined): number | undefined {
  return value && typeof value.statusCode === 'number' && value.statusCode >= 400 ? value.statusCode : undefined;
}

function transportMessage(error: GraphQLError, original: (Error & WithStatus) | undefined, bodyLimit?: number): string {
  if (original?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    const limit = bodyLimit ? ` of ${Math.round((bodyLimit / 1024 / 1024) * 10) / 10} MB` : '';
    return `request body is larger than the limit${limit}; send less (e.g. split a batch)`;
  }
  if (original?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return `${error.message}; send Content-Type: application/json (or GET with ?query=)`;
  }
  return error.message;
}

// Only message, locations, path and extensions leave the server; nothing that could hold a stack.
function formatted(error: GraphQLError, code: string, message = error.message): GraphQLFormattedError {
  const { stacktrace: _stacktrace, exception: _exception, ...extensions } = (error.extensions ?? {}) as Record<string, unknown>;
  return {
    message,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
    extensions: { ...extensions, code },
  };
}
