import { graphql, GraphQLInt, GraphQLList, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readPropertiesInline } from '../property-fields.js';

// Nest's code-first schema gives every field a resolver named rootFieldResolver that reads `root[property]` (or the
// field's default); only those reading exactly the field's own property, with no default, are taken away.
const nestLike = (property: string, defaultValue?: unknown) =>
  function rootFieldResolver(root: Record<string, unknown>) {
    const value = root[property];
    return value === undefined ? defaultValue : value;
  };

function schema() {
  const item = new GraphQLObjectType({
    name: 'Item',
    fields: {
      id: { type: GraphQLString, resolve: nestLike('id') },
      renamed: { type: GraphQLString, resolve: nestLike('internalName') },
      withDefault: { type: GraphQLInt, resolve: nestLike('withDefault', 7) },
      computed: { type: GraphQLString, resolve: (root: { id: string }) => `#${root.id}` },
    },
  });
  const query = new GraphQLObjectType({
    name: 'Query',
    fields: { items: { type: new GraphQLList(item), resolve: nestLike('items') } },
  });
  return { schema: new GraphQLSchema({ query }), item };
}

describe('readPropertiesInline', () => {
  it('removes only the resolvers that read their own property with no default, and the answers stay the same', async () => {
    const { schema: before } = schema();
    const { schema: after, item } = schema();
    readPropertiesInline(after);
    const fields = item.getFields();
    expect(fields.id.resolve).toBeUndefined();
    expect(fields.renamed.resolve).toBeDefined();
    expect(fields.withDefault.resolve).toBeDefined();
    expect(fields.computed.resolve).toBeDefined();
    // the operation root's fields keep theirs
    expect(after.getQueryType()!.getFields().items.resolve).toBeDefined();

    const source = '{ items { id renamed withDefault computed } }';
    const rootValue = { items: [{ id: 'a', internalName: 'A' }, { id: 'b', withDefault: 2 }] };
    const answer = await graphql({ schema: after, source, rootValue });
    expect(answer).toEqual(await graphql({ schema: before, source, rootValue }));
    expect(answer.data).toEqual({
      items: [
        { id: 'a', renamed: 'A', withDefault: 7, computed: '#a' },
        { id: 'b', renamed: null, withDefault: 2, computed: '#b' },
      ],
    });
  });
});
