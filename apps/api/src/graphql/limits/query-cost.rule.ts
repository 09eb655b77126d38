import {
  type FieldNode, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLField, type GraphQLSchema, Kind,
  type OperationDefinitionNode, SchemaMetaFieldDef, type SelectionSetNode, TypeMetaFieldDef, TypeNameMetaFieldDef,
  type ValidationRule, getNamedType, isCompositeType, isInterfaceType, isLeafType, isObjectType, valueFromASTUntyped,
} from 'graphql';
import { limitError, QUERY_LIMITS } from './query-limits.js';
import { fragmentsOf } from './selection-walk.js';

export interface QueryCostOptions {
  maxCost: number;
  /** The request's variables: `first: $n` costs what `$n` is. */
  variables?: Record<string, unknown> | null;
  defaultPageSize?: number;
}

/**
 * Shopify-style cost, computed from the document before anything runs:
 * - a scalar or enum field costs 0, unless its definition says otherwise (`@Field({ complexity })`: a
 *   large text, a field that fetches or extracts);
 * - an object field, or a list of objects without paging, costs 1 (or its `complexity`) + its selection;
 * - a connection (a type named `…Connection`) costs 2 + first × its selection, and so does any other field
 *   with a `first` argument (1 + first × …); `first` is the literal, the variable's value (else its
 *   default), else the argument's default, else 20.
 */
export function queryCostRule(options: QueryCostOptions): ValidationRule {
  return (context) => {
    const calculator = new QueryCost(context.getSchema(), fragmentsOf(context.getDocument()), options);
    return {
      OperationDefinition(operation) {
        const cost = calculator.operationCost(operation);
        if (cost > options.maxCost) context.reportError(costLimitError(cost, options.maxCost, operation));
      },
    };
  };
}

export function costLimitError(cost: number, maxCost: number, operation: OperationDefinitionNode) {
  return limitError(
    'cost',
    `query cost ${cost} exceeds the limit of ${maxCost}; ask for fewer items with \`first\` or fewer nested connections`,
    operation,
    { cost, maxCost },
  );
}

export class QueryCost {
  private readonly memo = new Map<string, number>();
  private readonly visiting = new Set<string>();
  private variables: Record<string, unknown> = {};

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly options: Omit<QueryCostOptions, 'maxCost'>,
  ) {}

  operationCost(operation: OperationDefinitionNode): number {
    const root =
      operation.operation === 'query'
        ? this.schema.getQueryType()
        : operation.operation === 'mutation'
          ? this.schema.getMutationType()
          : this.schema.getSubscriptionType();
    if (!root) return 0;
    // Variables with defaults the request left out cost what their default is.
    this.variables = {};
    for (const definition of operation.variableDefinitions ?? []) {
      if (definition.defaultValue) this.variables[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
    }
    Object.assign(this.variables, this.options.variables ?? {});
    this.memo.clear();
    return this.selectionCost(operation.selectionSet, root);
  }

  private selectionCost(selectionSet: SelectionSetNode, parentType: GraphQLCompositeType): number {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total += this.fieldCost(selection, parentType);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value) : parentType;
        if (isCompositeType(type)) total += this.selectionCost(selection.selectionSet, type);
      } else {
        total += this.fragmentCost(selection.name.value);
      }
    }
    return total;
  }

  // A fragment's cost depends only on its own type condition, so it is computed once per operation.
  private fragmentCost(name: string): number {
    const fragment = this.fragments.get(name);
    if (!fragment || this.visiting.has(name)) return 0;
    let cost = this.memo.get(name);
    if (cost === undefined) {
      const type = this.schema.getType(fragment.typeCondition.name.value);
      this.visiting.add(name);
      cost = isCompositeType(type) ? this.selectionCost(fragment.selectionSet, type) : 0;
      this.visiting.delete(name);
      this.memo.set(name, cost);
    }
    return cost;
  }

  private fieldCost(node: FieldNode, parentType: GraphQLCompositeType): number {
    const field = this.fieldDefinition(node.name.value, parentType);
    // Unknown fields are reported by graphql-js's own rules.
    if (!field) return 0;
    const own = typeof field.extensions?.complexity === 'number' ? field.extensions.complexity : undefined;
    const type = getNamedType(field.type);
    if (!node.selectionSet || isLeafType(type) || !isCompositeType(type)) return own ?? 0;
    const children = this.selectionCost(node.selectionSet, type);
    if (type.name.endsWith('Connection')) return (own ?? 2) + this.pageSize(node, field) * children;
    if (field.args.some((argument) => argument.name === 'first')) return (own ?? 1) + this.pageSize(node, field) * children;
    return (own ?? 1) + children;
  }

  private pageSize(node: FieldNode, field: GraphQLField<unknown, unknown>): number {
    const fallback = this.options.defaultPageSize ?? QUERY_LIMITS.defaultPageSize;
    const argument = node.arguments?.find((candidate) => candidate.name.value === 'first');
    let value: unknown;
    if (!argument) value = field.args.find((candidate) => candidate.name === 'first')?.defaultValue;
    else if (argument.value.kind === Kind.VARIABLE) value = this.variables[argument.value.name.value];
    else value = valueFromASTUntyped(argument.value);
    const size = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
    return Number.isFinite(size) ? Math.max(0, Math.floor(size)) : fallback;
  }

  private fieldDefinition(name: string, parentType: GraphQLCompositeType): GraphQLField<unknown, unknown> | undefined {
    if (name === '__typename') return TypeNameMetaFieldDef;
    if (parentType === this.schema.getQueryType()) {
      if (name === '__schema') return SchemaMetaFieldDef;
      if (name === '__type') return TypeMetaFieldDef;
    }
    return isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[name] : undefined;
  }
}
