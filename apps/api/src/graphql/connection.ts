import { type Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { DomainError, type Page } from '@dyad/domain';

export type { Page };

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100.' })
  first: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}


const CURSOR_PREFIX = 'o:';

const encodeCursor = (offset: number) => Buffer.from(`${CURSOR_PREFIX}${offset}`).toString('base64url');

/** Validated paging: `first` in 1..100, `after` a cursor this API issued. */
export function toPage(args: PageArgs): Page {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > 100) throw DomainError.invalid('first must be from 1 to 100');
  let offset = 0;
  if (args.after) {
    // Decimal digits only (no 1e308, no 0x…), and an offset PostgreSQL can take.
    const match = /^o:(0|[1-9]\d{0,8})$/.exec(Buffer.from(args.after, 'base64url').toString());
    if (!match) throw DomainError.invalid('after is not a cursor from this API; pass a previous pageInfo.endCursor', { field: 'after' });
    offset = Number(match[1]) + 1;
  }
  return { limit: first, offset };
}

export interface ConnectionShape<T> {
  totalCount: number;
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

/** A Relay-style connection from one page of rows and the total; its edges (a cursor each) are made when first read. */
export function toConnection<T>(nodes: T[], totalCount: number, page: Page): ConnectionShape<T> {
  let edges: { cursor: string; node: T }[] | undefined;
  return {
    totalCount,
    nodes,
    get edges() {
      return (edges ??= nodes.map((node, index) => ({ cursor: encodeCursor(page.offset + index), node })));
    },
    pageInfo: {
      hasNextPage: page.offset + nodes.length < totalCount,
      hasPreviousPage: page.offset > 0,
      startCursor: nodes.length ? encodeCursor(page.offset) : null,
      endCursor: nodes.length ? encodeCursor(page.offset + nodes.length - 1) : null,
    },
  };
}

/** The GraphQL connection type for a node type: `totalCount`, `nodes`, `edges { cursor node }`, `pageInfo`. */
export function Connection<T>(nodeType: Type<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`, { isAbstract: false })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => Int)
    totalCount: number;

    @Field(() => [nodeType])
    nodes: T[];

    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return ConnectionType;
}
