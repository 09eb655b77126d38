import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError } from '@dyad/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type GraphqlErrorCode, toGraphqlError } from './graphql-error.mapper.js';

const HTTP_CODES: Record<number, GraphqlErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
};

@Catch()
export class GraphqlExceptionFilter implements GqlExceptionFilter, ExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  constructor(private readonly exposeInternals: boolean) {}

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<GqlContextType>() !== 'graphql') return this.catchHttp(exception, host);
    const error = toGraphqlError(exception, this.exposeInternals);
    if (error.extensions.code === 'INTERNAL_SERVER_ERROR' && !(exception instanceof DomainError)) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    return error;
  }

  // Plain HTTP routes (unknown paths, /health, /graphiql): a JSON error with a code, never a stack. Nest's
  // BaseExceptionFilter cannot be used here: built with `new`, it has no HTTP adapter and answers 500.
  private catchHttp(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const status = exception instanceof HttpException ? exception.getStatus() : 500;
    if (status >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    const code = HTTP_CODES[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_USER_INPUT');
    const message =
      status < 500 || this.exposeInternals ? (exception instanceof Error ? exception.message : String(exception)) : 'Internal server error';
    if (reply.sent) return;
    const body = request.url.startsWith('/graphql')
      ? { errors: [{ message, extensions: { code } }] }
      : { statusCode: status, code, message };
    void reply.code(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
