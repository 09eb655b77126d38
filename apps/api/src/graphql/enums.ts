/** A `{ VALUE: 'VALUE' }` object from a vocabulary array, as registerEnumType wants. */
export function enumObject<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}
