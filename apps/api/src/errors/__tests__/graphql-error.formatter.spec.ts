import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphqlErrorFormatter } from '../graphql-error.formatter.js';

// What mercurius hands the formatter: a request's context (with its reply) and the errors of one stage.
const contextFor = (accept?: string) =>
  ({ reply: { request: { headers: accept ? { accept } : {}, routeOptions: { bodyLimit: 6 * 1024 * 1024 } } } }) as unknown as MercuriusContext;

const wrapped = (original: Error) => new GraphQLError(original.message, { originalError: original });
const bundle = (statusCode: number, errors: Error[]) =>
  wrapped(Object.assign(new Error('Graphql validation error'), { code: 'MER_ERR_GQL_VALIDATION', statusCode, errors }));

const production = createGraphqlErrorFormatter({ exposeInternals: false });
const development = createGraphqlErrorFormatter({ exposeInternals: true });

describe('createGraphqlErrorFormatter', () => {
  // Internal errors are logged server-side; keep the test output quiet.
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['error', 'warn']));

  it.each([
    ['a syntax error (JSON)', bundle(400, [new GraphQLError('Syntax Error: Expected Name')]), undefined, 200, 'BAD_USER_INPUT'],
    ['a syntax error (graphql-response+json)', bundle(400, [new GraphQLError('Syntax Error')]), 'application/graphql-response+json', 400, 'BAD_USER_INPUT'],
    ['a malformed body', bundle(400, [new Error('body must be object')]), undefined, 400, 'BAD_USER_INPUT'],
    ['a mutation over GET', bundle(405, [new Error('Operation cannot be performed via a GET request')]), undefined, 405, 'BAD_USER_INPUT'],
    ['a body too large', wrapped(Object.assign(new Error('Request body is too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' })), undefined, 413, 'BAD_USER_INPUT'],
    ['a missing key', Object.assign(new GraphQLError('no key', { extensions: { code: 'UNAUTHENTICATED' } }), { statusCode: 401 }), undefined, 401, 'UNAUTHENTICATED'],
    ['a limit', new GraphQLError('query cost 6000 exceeds the limit of 5000', { extensions: { code: 'BAD_USER_INPUT', limit: 'cost' } }), undefined, 200, 'BAD_USER_INPUT'],
    ['a crash in a hook', wrapped(new TypeError('boom')), undefined, 500, 'INTERNAL_SERVER_ERROR'],
  ])('%s: status %s… code', (_name, error, accept, status, code) => {
    const { statusCode, response } = production({ errors: [error] }, contextFor(accept));
    expect(statusCode).toBe(status);
    expect(response.errors?.[0].extensions?.code).toBe(code);
    expect(JSON.stringify(response)).not.toMatch(/\bat .*:\d+|stack/i);
  });

  it('hides internal messages in production only, and never sends a stack', () => {
    const crash = wrapped(new Error('relation "secret_table" does not exist'));
    expect(production({ errors: [crash] }, contextFor()).response.errors?.[0].message).toBe('Internal server error');
    const shown = development({ errors: [crash] }, contextFor()).response;
    expect(shown.errors?.[0].message).toBe('relation "secret_table" does not exist');
    const withStack = new GraphQLError('x', { extensions: { code: 'BAD_USER_INPUT', stacktrace: ['at a.ts:1:1'], exception: { stack: 'at b.ts:2:2' } } });
    expect(JSON.stringify(development({ errors: [withStack] }, contextFor()).response)).not.toMatch(/stack|a\.ts/);
  });

  it('keeps partial data and answers 200 after execution', () => {
    const fieldError = new GraphQLError('not found', { path: ['meeting'], extensions: { code: 'NOT_FOUND' } });
    expect(production({ data: { meeting: null }, errors: [fieldError] }, contextFor('application/graphql-response+json'))).toEqual({
      statusCode: 200,
      response: { data: { meeting: null }, errors: [{ message: 'not found', path: ['meeting'], extensions: { code: 'NOT_FOUND' } }] },
    });
  });

  it('omits data on request errors only for application/graphql-response+json', () => {
    const error = bundle(400, [new GraphQLError('Cannot query field "nope" on type "Query".')]);
    expect(production({ errors: [error] }, contextFor('application/graphql-response+json')).response).not.toHaveProperty('data');
    expect(production({ errors: [error] }, contextFor('application/json')).response).toHaveProperty('data', null);
  });
});
