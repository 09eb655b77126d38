import { type GraphQLField, type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';

// A parent resolver that already holds a field's answer (a list page's countries, read with its rows) gives it to
// the field here, and the field's resolver is not called: no Nest wrapper (param decorators, pipes), no DataLoader
// hop, no promise per row. The parent decides per request whether its values fit the selection (`sources` as ids
// only when every selection of it asks for nothing but `id`); without them the field resolves as usual.

const PRESET = Symbol('dyad.presetFields');

type WithPreset = { [PRESET]?: Record<string, unknown> };

/** Gives `model` the answers of some of its resolved fields (by field name), beside those given before; returns it. */
export function presetFields<T extends object>(model: T, values: Record<string, unknown>): T {
  const target = model as T & WithPreset;
  target[PRESET] = target[PRESET] ? { ...target[PRESET], ...values } : values;
  return model;
}

const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

/** The fields of the schema's own object types, the operation roots left out. */
export function* objectTypeFields(schema: GraphQLSchema): Generator<GraphQLField<unknown, unknown>> {
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) && !type.name.startsWith('__') && !ROOTS.has(type.name)) yield* Object.values(type.getFields());
  }
}

/**
 * The schema with every resolved field of an object type (the operation roots left as they are) answering from its
 * parent's preset value when there is one (`presetFields`), else from its resolver. For `transformSchema`.
 */
export function answerPresetFields(schema: GraphQLSchema): GraphQLSchema {
  for (const field of objectTypeFields(schema)) {
    const resolve = field.resolve;
    if (!resolve) continue;
    const name = field.name;
    const answer: GraphQLFieldResolver<unknown, unknown> = (parent, args, context, info) => {
      const values = (parent as WithPreset | null | undefined)?.[PRESET];
      return values !== undefined && name in values ? values[name] : resolve(parent, args, context, info);
    };
    field.resolve = answer;
  }
  return schema;
}
