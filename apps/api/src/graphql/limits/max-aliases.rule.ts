import { type FragmentDefinitionNode, Kind, type SelectionSetNode, type ValidationRule } from 'graphql';
import { limitError } from './query-limits.js';
import { fragmentsOf } from './selection-walk.js';

/**
 * At most `maxAliases` aliased fields per operation, counted as executed: a fragment spread three times
 * counts its aliases three times (aliases are how one request asks for the same costly field many times).
 */
export function maxAliasesRule(maxAliases: number): ValidationRule {
  return (context) => {
    const fragments = fragmentsOf(context.getDocument());
    return {
      OperationDefinition(operation) {
        const aliases = countAliases(operation.selectionSet, fragments);
        if (aliases > maxAliases) {
          context.reportError(
            limitError(
              'aliases',
              `query has ${aliases} aliases, over the limit of ${maxAliases}; send fewer aliased fields or split the request`,
              operation,
              { aliases, maxAliases },
            ),
          );
        }
      },
    };
  };
}

/** Aliases in a selection set, fragments expanded; each fragment is counted once and memoised. */
export function countAliases(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  memo = new Map<string, number>(),
  visiting = new Set<string>(),
): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) count += 1;
      if (selection.selectionSet) count += countAliases(selection.selectionSet, fragments, memo, visiting);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += countAliases(selection.selectionSet, fragments, memo, visiting);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      // Unknown or cyclic spreads are reported by graphql-js's own rules.
      if (!fragment || visiting.has(name)) continue;
      let inFragment = memo.get(name);
      if (inFragment === undefined) {
        visiting.add(name);
        inFragment = countAliases(fragment.selectionSet, fragments, memo, visiting);
        visiting.delete(name);
        memo.set(name, inFragment);
      }
      count += inFragment;
    }
  }
  return count;
}
