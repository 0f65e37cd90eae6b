/**
 * The wall time during which at least one of a request's subgraph calls was in flight (calls of one plan overlap).
 * The rest of the request's time is the gateway's own: auth, planning, result shaping, waiting for the event loop.
 */
export class SubgraphClock {
  private inFlight = 0;
  private since = 0;
  private busy = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  enter(): void {
    if (this.inFlight++ === 0) this.since = this.now();
  }

  leave(): void {
    if (this.inFlight === 0) return;
    if (--this.inFlight === 0) this.busy += this.now() - this.since;
  }

  /** Milliseconds with a call in flight so far (a call still running counts up to now). */
  busyMs(): number {
    return this.busy + (this.inFlight > 0 ? this.now() - this.since : 0);
  }
}
