/** A validated page request: at most `limit` rows after skipping `offset`. */
export interface Page {
  limit: number;
  offset: number;
}

export interface PageOf<T> {
  nodes: T[];
  total: number;
}
