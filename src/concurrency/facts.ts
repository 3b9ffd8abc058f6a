/** Concurrency facts shared by the race rules (built by src/concurrency/build.ts). */
export interface ConcurrencyFacts {
  readonly ready: true;
}
