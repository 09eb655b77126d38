import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * True when every selection of the field being resolved asks for nothing but `id` (and `__typename`), following
 * fragments: the resolver can then answer from ids it already has instead of loading whole rows.
 */
export function selectsOnlyId(info: GraphQLResolveInfo): boolean {
  const only = (set: SelectionSetNode | undefined): boolean =>
    !set ||
    set.selections.every((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === 'id' || selection.name.value === '__typename';
      if (selection.kind === Kind.INLINE_FRAGMENT) return only(selection.selectionSet);
      const fragment = info.fragments[selection.name.value];
      return fragment ? only(fragment.selectionSet) : false;
    });
  return info.fieldNodes.every((node) => only(node.selectionSet));
}

/**
 * True when the field being resolved selects `path` (field names from it, `nodes.sources`), in any of its
 * selections, following fragments: a resolver reads a relation with its rows only when it is asked for.
 */
export function selectsPath(info: GraphQLResolveInfo, path: string[]): boolean {
  const has = (set: SelectionSetNode | undefined, rest: string[]): boolean =>
    !rest.length ||
    (set?.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === rest[0] && has(selection.selectionSet, rest.slice(1));
      if (selection.kind === Kind.INLINE_FRAGMENT) return has(selection.selectionSet, rest);
      const fragment = info.fragments[selection.name.value];
      return fragment ? has(fragment.selectionSet, rest) : false;
    }) ?? false);
  return info.fieldNodes.some((node) => has(node.selectionSet, path));
}
