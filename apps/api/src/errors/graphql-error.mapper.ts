import { HttpException } from '@nestjs/common';
import { isDatabaseUnavailable } from '@dyad/database';
import { DomainError, DomainErrorCode } from '@dyad/domain';
import { GraphQLError } from 'graphql';

export type GraphqlErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** HTTP statuses an error code forces on the whole response, whatever the media type. */
export const STATUS_OF_CODE: Partial<Record<GraphqlErrorCode, number>> = { RATE_LIMITED: 429, SERVICE_UNAVAILABLE: 503 };

export const DATABASE_UNAVAILABLE = 'the database is unavailable; try again shortly';

const FROM_DOMAIN: Record<DomainErrorCode, GraphqlErrorCode> = {
  [DomainErrorCode.InvalidInput]: 'BAD_USER_INPUT',
  [DomainErrorCode.NotFound]: 'NOT_FOUND',
  [DomainErrorCode.Conflict]: 'CONFLICT',
  [DomainErrorCode.Forbidden]: 'FORBIDDEN',
  [DomainErrorCode.Unauthenticated]: 'UNAUTHENTICATED',
  [DomainErrorCode.Unavailable]: 'SERVICE_UNAVAILABLE',
};

const FROM_HTTP_STATUS: Record<number, GraphqlErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
};

export function graphqlError(code: GraphqlErrorCode, message: string, details?: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

/** The one place where any thrown error becomes what a GraphQL client sees; never a stack trace. */
export function toGraphqlError(error: unknown, exposeInternals: boolean): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof DomainError) return graphqlError(FROM_DOMAIN[error.code], error.message, error.details);
  // Never the driver's message: it names the database's host and port.
  if (isDatabaseUnavailable(error)) return graphqlError('SERVICE_UNAVAILABLE', DATABASE_UNAVAILABLE);
  if (error instanceof HttpException) {
    const response = error.getResponse();
    const message =
      typeof response === 'object' && response && 'message' in response
        ? [response.message].flat().join('; ')
        : error.message;
    return graphqlError(FROM_HTTP_STATUS[error.getStatus()] ?? 'INTERNAL_SERVER_ERROR', message);
  }
  const message = exposeInternals && error instanceof Error ? error.message : 'Internal server error';
  return graphqlError('INTERNAL_SERVER_ERROR', message);
}
