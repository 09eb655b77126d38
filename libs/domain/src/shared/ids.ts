import { v7 } from 'uuid';
import { PrimaryColumn } from 'typeorm';

/**
 * A new row id: a UUID of version 7, which begins with the time it was made (RFC 9562). Ids made one after the other
 * sort one after the other, so a new row's entry in each index keyed by an id (its primary key, the foreign keys of
 * the rows that refer to it) goes to the end of the index, into pages just written and still in memory, not into a
 * page anywhere in the index, read from disk in a large database. The database's own defaults make the same kind
 * (`uuid_v7()`, see migration IdsInCreationOrder1800000000009).
 */
export const newId = (): string => v7();

/** An entity's id: given by the application (`newId`), else made by the database when the row is inserted. */
export const IdColumn = (): PropertyDecorator => PrimaryColumn('uuid', { default: () => 'uuid_v7()' });
