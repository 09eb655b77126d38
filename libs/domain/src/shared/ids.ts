import { v7 } from 'uuid';

/**
 * A new row id: a UUID of version 7, which begins with the time it was made (RFC 9562). Ids made one after the other
 * sort one after the other, so a new row's entry in each index keyed by an id (its primary key, the foreign keys of
 * the rows that refer to it) goes to the end of the index, into pages just written and still in memory, not into a
 * page anywhere in the index, read from disk in a large database.
 */
export const newId = (): string => v7();

