import { describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { costLimitHook } from '../cost-limit.hook.js';
import { queryCostRule } from '../query-cost.rule.js';
import { check, introspectionQuery, schema } from './test-schema.js';

// The rule reports the cost it computed when it is over the limit: with a limit of -1 every query is.
const costOf = (query: string, variables?: Record<string, unknown>): number =>
  check(query, queryCostRule({ maxCost: -1, variables }))[0].extensions.cost as number;

describe('queryCostRule', () => {
  it.each([
    ['scalars on the root are free', '{ __typename }', 0],
    ['a list of objects without first: 1 + its children', '{ countries { code name } }', 1],
    ['nested objects add 1 each', '{ countries { neighbours { code } } }', 2],
    ['a connection: 2 + first × its selection', '{ meetings(first: 10) { nodes { countries { code } } } }', 2 + 10 * 2],
    ['without first, the argument default (20)', '{ meetings { nodes { id } } }', 2 + 20 * 1],
    ['without first and no default, 20', '{ unpaged { nodes { id } } }', 2 + 20 * 1],
    ['totalCount alone costs the connection only', '{ meetings(first: 100) { totalCount } }', 2],
    ['nodes and edges both count', '{ meetings(first: 5) { nodes { id } edges { node { id } } pageInfo { hasNextPage } } }', 2 + 5 * (1 + 2 + 1)],
    [
      'nested connections multiply',
      '{ meetings(first: 10) { nodes { proposals(first: 10) { nodes { meeting { id } } } } } }',
      2 + 10 * (1 + 2 + 10 * (1 + 1)),
    ],
    ['fragments are followed', 'query { meetings(first: 3) { nodes { ...M } } } fragment M on Meeting { countries { code } related { id } }', 2 + 3 * (1 + 2)],
    ['inline fragments on a union are added up', '{ search(text: "x") { ... on Meeting { related { id } } ... on Country { neighbours { code } } } }', 1 + 1 + 1],
    ['each alias costs in full', '{ a: meetings(first: 10) { nodes { id } } b: meetings(first: 10) { nodes { id } } }', 2 * (2 + 10)],
    ['mutations are costed like queries', 'mutation { logOutcome(id: "1", text: "x") { proposals(first: 2) { nodes { id } } } }', 1 + 2 + 2],
  ])('%s: %s costs %i', (_name, query, cost) => {
    expect(costOf(query)).toBe(cost);
  });

  it.each([
    ['a variable sets first', { n: 50 }, 2 + 50],
    ['a missing variable falls back to its default', {}, 2 + 7],
    ['a null variable is the argument default', { n: null }, 2 + 20],
    ['a negative first costs nothing more than the connection', { n: -5 }, 2],
  ])('takes variables into account: %s', (_name, variables, cost) => {
    expect(costOf('query($n: Int = 7) { meetings(first: $n) { nodes { id } } }', variables)).toBe(cost);
  });

  it('keeps introspection cheap', () => {
    expect(costOf(introspectionQuery)).toBeLessThan(100);
  });

  it('refuses a query over the limit with a message a user can act on', () => {
    const query = '{ meetings(first: 100) { nodes { proposals(first: 100) { nodes { id } } } } }';
    const [error] = check(query, queryCostRule({ maxCost: 5000 }));
    expect(error.message).toBe(
      'query cost 10302 exceeds the limit of 5000; ask for fewer items with `first` or fewer nested connections',
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'cost', cost: 10302, maxCost: 5000 });
    expect(check(query.replaceAll('100', '40'), queryCostRule({ maxCost: 5000 }))).toEqual([]);
  });

  describe('costLimitHook (run before execution, every request)', () => {
    const hook = costLimitHook(1000);

    it('refuses a document over the limit every time, and lets a cheap one through', async () => {
      const heavy = parse('{ meetings(first: 100) { nodes { proposals(first: 20) { nodes { id } } } } }');
      for (let i = 0; i < 2; i++) await expect(hook(schema, heavy, {}, undefined)).rejects.toMatchObject({ extensions: { cost: 2302 } });
      await expect(hook(schema, parse('{ meetings(first: 100) { nodes { id } } }'), {}, undefined)).resolves.toBeUndefined();
    });

    it('prices the same document by each request\'s variables', async () => {
      const document = parse('query($n: Int) { meetings(first: $n) { nodes { proposals(first: 20) { nodes { id } } } } }');
      await expect(hook(schema, document, {}, { n: 10 })).resolves.toBeUndefined();
      await expect(hook(schema, document, {}, { n: 100 })).rejects.toMatchObject({ extensions: { limit: 'cost' } });
      await expect(hook(schema, document, {}, { n: 10 })).resolves.toBeUndefined();
    });

    it('holds every operation of a document to the limit', async () => {
      const document = parse('query Cheap { __typename } query Heavy { meetings(first: 100) { nodes { proposals(first: 20) { nodes { id } } } } }');
      await expect(hook(schema, document, {}, undefined)).rejects.toMatchObject({ message: expect.stringContaining('query cost 2302') });
    });
  });
});
