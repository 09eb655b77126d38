import { ApiError } from './graphql-client.js';

// Every list in the API is a connection; the dashboard pages through it with `after` (Load more) and
// exports every row by following endCursor to the end, whatever the count.

export interface Connection<T> {
  totalCount: number;
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** One page of a list: the API's `first` and `after`. */
export type PageSource<T> = (first: number, after: string | null) => Promise<Connection<T>>;

/** The API's largest page. */
export const MAX_PAGE = 100;

/** The GraphQL selection a paged list needs around its nodes. */
export const connectionOf = (nodes: string) => `totalCount pageInfo { hasNextPage endCursor } nodes { ${nodes} }`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every row of a list, page after page. A page refused for the rate limit is asked again after a pause, so
 * a long export slows down rather than stopping short. `onProgress` gets (rows so far, total).
 */
export async function fetchAll<T>(source: PageSource<T>, onProgress?: (done: number, total: number) => void): Promise<T[]> {
  const rows: T[] = [];
  let after: string | null = null;
  for (let tries = 0; ; ) {
    let page: Connection<T>;
    try {
      page = await source(MAX_PAGE, after);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'RATE_LIMITED' && tries++ < 30) {
        await sleep(Math.min(60, Number(error.errors[0]?.extensions?.retryAfter) || 5) * 1000);
        continue;
      }
      throw error;
    }
    tries = 0;
    rows.push(...page.nodes);
    onProgress?.(rows.length, page.totalCount);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor || page.nodes.length === 0) return rows;
    after = page.pageInfo.endCursor;
  }
}
