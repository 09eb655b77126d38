import { type FragmentDefinitionNode, Kind, type SelectionSetNode, type ValidationRule } from 'graphql';
import { limitError } from './query-limits.js';
import { fragmentsOf } from './selection-walk.js';

/**
 * Fields nested deeper than `maxDepth` (`{ a { b } }` is 2), fragments followed. Inside `__schema`/`__type`,
 * `ofType` does not count: it only unwraps lists and non-nulls, and GraphiQL's introspection nests it seven deep.
 */
export function maxDepthRule(maxDepth: number): ValidationRule {
  return (context) => {
    const walker = new DepthWalker(fragmentsOf(context.getDocument()));
    return {
      OperationDefinition(operation) {
        const depth = walker.depth(operation.selectionSet, false);
        if (depth > maxDepth) {
          context.reportError(
            limitError('depth', `query depth ${depth} exceeds the limit of ${maxDepth}; ask for fewer nested levels`, operation, {
              depth,
              maxDepth,
            }),
          );
        }
      },
    };
  };
}

/** Depth of a selection set; each fragment is measured once (memoised), so spreading one many times is cheap. */
export class DepthWalker {
  private readonly memo = new Map<string, number>();
  private readonly visiting = new Set<string>();

  constructor(private readonly fragments: Map<string, FragmentDefinitionNode>) {}

  depth(selectionSet: SelectionSetNode, inIntrospection: boolean): number {
    let deepest = 0;
    for (const selection of selectionSet.selections) {
      let depth = 0;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const introspection = inIntrospection || name === '__schema' || name === '__type';
        const own = inIntrospection && name === 'ofType' ? 0 : 1;
        depth = own + (selection.selectionSet ? this.depth(selection.selectionSet, introspection) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        depth = this.depth(selection.selectionSet, inIntrospection);
      } else {
        depth = this.fragmentDepth(selection.name.value, inIntrospection);
      }
      deepest = Math.max(deepest, depth);
    }
    return deepest;
  }

  private fragmentDepth(name: string, inIntrospection: boolean): number {
    const fragment = this.fragments.get(name);
    // Unknown or cyclic spreads are reported by graphql-js's own rules.
    if (!fragment || this.visiting.has(name)) return 0;
    const key = `${inIntrospection ? 'i' : 'q'}:${name}`;
    let depth = this.memo.get(key);
    if (depth === undefined) {
      this.visiting.add(name);
      depth = this.depth(fragment.selectionSet, inIntrospection);
      this.visiting.delete(name);
      this.memo.set(key, depth);
    }
    return depth;
  }
}
