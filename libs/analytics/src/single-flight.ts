/**
 * Shares one in-flight promise among identical concurrent calls: when many dashboards open the same chart
 * at once, PostgreSQL runs its query once. Nothing is kept after the promise settles, so no answer is older
 * than the query that produced it.
 */
export class SingleFlight {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key);
    if (running) return running as Promise<T>;
    const promise = work().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }
}
