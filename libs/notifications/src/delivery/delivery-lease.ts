/**
 * The lease on a claimed batch of deliveries, kept alive while the batch is in flight.
 *
 * A claim sets `lease_until = now() + lease` in PostgreSQL; another worker may claim a SENDING row
 * again once that time has passed. The holder renews the lease of the rows it still holds every
 * third of the lease (one UPDATE for the batch), so a batch that takes longer than the lease (a
 * slow provider, a loaded machine) is not taken over while it runs; only a worker that died (or
 * lost PostgreSQL for a whole lease) loses its rows.
 *
 * The fence: the holder knows a lower bound of its lease without asking PostgreSQL: the local time
 * at which it *sent* the statement that set the lease, plus the lease (PostgreSQL's now() is taken
 * later than that, and both clocks tick at the same rate). A send may start only while at least
 * half a lease is left of that bound, so a send started under the lease ends under it unless the
 * send itself takes more than half a lease (the SMTP and SMS timeouts are below that at the
 * default 30 s). When renewals fail, sends stop before the lease ends instead of racing the worker
 * that will take the rows over.
 */
export class DeliveryLease {
  private validUntil: number;
  private held: Set<string>;
  private renewing: Promise<void> | null = null;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  /**
   * @param claimedAt local time (ms) at which the claim statement was sent
   * @param renew sets the lease again for the given rows still held; returns the ids it renewed
   */
  constructor(
    ids: string[],
    claimedAt: number,
    private readonly leaseMs: number,
    private readonly renew: (ids: string[]) => Promise<string[]>,
    private readonly now: () => number = Date.now,
  ) {
    this.held = new Set(ids);
    this.validUntil = claimedAt + leaseMs;
  }

  /** Renews every third of the lease until stop(). */
  start(): this {
    const every = Math.max(1, Math.floor(this.leaseMs / 3));
    const tick = () => {
      if (this.stopped) return;
      this.timer = setTimeout(() => void this.renewNow().finally(tick), every);
    };
    tick();
    return this;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** True while the row is held with at least half a lease left (see the fence above). */
  holds(id: string): boolean {
    return this.held.has(id) && this.now() < this.validUntil - this.leaseMs / 2;
  }

  /**
   * Whether a send of this row may start now: if the fence is near, renews first (or waits for
   * the renewal already running) and asks again.
   */
  async mayStart(id: string): Promise<boolean> {
    if (this.holds(id)) return true;
    if (!this.held.has(id) || this.stopped) return false;
    await this.renewNow();
    return this.holds(id);
  }

  /** One renewal at a time; a failed renewal leaves the old bound (the fence then closes). */
  renewNow(): Promise<void> {
    if (!this.renewing) {
      const sentAt = this.now();
      const ids = [...this.held];
      this.renewing = this.renew(ids)
        .then((renewed) => {
          // rows not renewed were taken over (or finished): never send them from here
          this.held = new Set(renewed);
          this.validUntil = sentAt + this.leaseMs;
        })
        .catch(() => undefined)
        .finally(() => {
          this.renewing = null;
        });
    }
    return this.renewing;
  }
}
