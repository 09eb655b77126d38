import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * True when every selection of the field being resolved asks for nothing but `id` (and `__typename`), following
 * fragments: the resolver can then answer from ids it already has instead of loading whole rows.
 */
export function selectsOnlyId(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.every((node) => onlyId(info, node.selectionSet));
}

function onlyId(info: GraphQLResolveInfo, set: SelectionSetNode | undefined): boolean {
  const only = (set: SelectionSetNode | undefined): boolean =>
    !set ||
    set.selections.every((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === 'id' || selection.name.value === '__typename';
      if (selection.kind === Kind.INLINE_FRAGMENT) return only(selection.selectionSet);
      const fragment = info.fragments[selection.name.value];
      return fragment ? only(fragment.selectionSet) : false;
    });
  return only(set);
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

/** Every selection of `path` (field names from the field being resolved, `nodes.sources`), following fragments. */
function selectionsAt(info: GraphQLResolveInfo, path: string[]): FieldNode[] {
  const found: FieldNode[] = [];
  const walk = (set: SelectionSetNode | undefined, rest: string[]): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== rest[0]) continue;
        if (rest.length === 1) found.push(selection);
        else walk(selection.selectionSet, rest.slice(1));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet, rest);
      else walk(info.fragments[selection.name.value]?.selectionSet, rest);
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet, path);
  return found;
}

/** True when every selection of `path` asks for nothing but `id` (and `__typename`), following fragments. */
export function selectsOnlyIdAt(info: GraphQLResolveInfo, path: string[]): boolean {
  return selectionsAt(info, path).every((node) => onlyId(info, node.selectionSet));
}

/** The names of the fields every selection of `path` asks for (field names from the field being resolved), following fragments. */
export function fieldNamesAt(info: GraphQLResolveInfo, path: string[]): Set<string> {
  const names = new Set<string>();
  const collect = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      else collect(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of selectionsAt(info, path)) collect(node.selectionSet);
  return names;
}
