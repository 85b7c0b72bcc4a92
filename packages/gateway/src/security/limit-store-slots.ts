/**
 * The per-caller in-flight limit shared by every replica: slots leased from PostgreSQL per key
 * (`in_flight_lease`, limit-store.ts). A replica admits a request without a statement while it holds a
 * free slot of that key; otherwise one statement (`in_flight_acquire`, under the key's advisory lock)
 * takes more, so that the live slots of all replicas stay within the maximum.
 *
 * - Held while in use: the slots stay with the replica while it has requests of the key in flight and
 *   for a short linger after (`lingerMs`): every linger period the replica gives back what it did not
 *   use (it keeps the peak of the period plus a small spare of `max(1, floor(max/50)) - 1`; all of it
 *   after an idle period).
 * - Leases expire: a heartbeat renews this replica's leases every `leaseMs / 3`; a replica that dies or
 *   hangs stops renewing, and its slots are free again `leaseMs` after its last renewal. A replica counts
 *   its own lease as valid only until `leaseMs` after it sent the statement that renewed it, which is
 *   never later than the database's expiry.
 * - "Full" is cached for `fullCacheMs` (200 ms): a flood over the limit costs a statement per 200 ms per
 *   key and replica, not one per request.
 * - While the store is unavailable: the per-process count decides (the behaviour of one replica alone).
 *   Requests running here are always counted locally, and the next lease records them (`keep`).
 */
import type { InFlightLimiter } from './concurrency-limit';
import { storeKeyOf, type LimitStore } from './limit-store';

interface SlotState {
  /** Slots this replica holds in the database for the key. */
  held: number;
  /** Requests of the key running in this process (with or without a slot: see the fallback). */
  inFlight: number;
  /** Most requests in flight at once since the last linger tick. */
  peak: number;
  waiting: number;
  max: number;
  /** Until when `held` can be relied on (local clock). */
  validUntil: number;
  fullUntil: number;
  /** Statements of one key run one after another (an acquire must not overtake a give-back). */
  chain: Promise<void>;
  timer: NodeJS.Timeout | undefined;
}

export interface SharedInFlightOptions {
  readonly now?: () => number;
  /** How long unused slots stay with the replica; default 1000 ms. */
  readonly lingerMs?: number;
  /** How long a "no slot free" answer is believed; default 200 ms. */
  readonly fullCacheMs?: number;
}

function spareOf(max: number): number {
  return Math.max(1, Math.floor(max / 50)) - 1;
}

export class SharedInFlightSlots implements InFlightLimiter {
  private readonly states = new Map<string, SlotState>();
  private readonly now: () => number;
  private readonly lingerMs: number;
  private readonly fullCacheMs: number;
  private readonly heartbeat: NodeJS.Timeout;
  private renewing = false;
  private closed = false;

  constructor(
    private readonly store: LimitStore,
    options: SharedInFlightOptions = {},
  ) {
    this.now = options.now ?? (() => Date.now());
    this.lingerMs = options.lingerMs ?? 1_000;
    this.fullCacheMs = options.fullCacheMs ?? 200;
    this.heartbeat = setInterval(() => void this.renew(), Math.max(100, Math.floor(store.leaseMs / 3)));
    this.heartbeat.unref();
  }

  tryAcquire(callerKey: string, max: number): (() => void) | undefined | Promise<(() => void) | undefined> {
    const key = storeKeyOf(callerKey);
    const s = this.state(key, max);
    if (!this.store.available()) return this.admitLocally(key, s);
    const t = this.now();
    if (t < s.validUntil && s.inFlight < s.held) return this.admit(key, s);
    if (t < s.fullUntil) {
      this.forgetIfIdle(key, s);
      return undefined;
    }
    return this.acquireThenAdmit(key, s);
  }

  /** Requests of `key` running in this process (tests, metrics). */
  inFlight(key: string): number {
    return this.states.get(storeKeyOf(key))?.inFlight ?? 0;
  }

  /** Slots of `key` this replica holds (tests, metrics). */
  held(key: string): number {
    return this.states.get(storeKeyOf(key))?.held ?? 0;
  }

  /** Stop the heartbeat and the linger timers (the store gives the leases back on its own close). */
  close(): void {
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const s of this.states.values()) clearTimeout(s.timer);
  }

  private state(key: string, max: number): SlotState {
    let s = this.states.get(key);
    if (!s) {
      s = { held: 0, inFlight: 0, peak: 0, waiting: 0, max, validUntil: 0, fullUntil: 0, chain: Promise.resolve(), timer: undefined };
      this.states.set(key, s);
    }
    s.max = max;
    return s;
  }

  private admitLocally(key: string, s: SlotState): (() => void) | undefined {
    if (s.inFlight < s.max) return this.admit(key, s);
    this.forgetIfIdle(key, s);
    return undefined;
  }

  private admit(key: string, s: SlotState): () => void {
    s.inFlight += 1;
    s.peak = Math.max(s.peak, s.inFlight);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      s.inFlight -= 1;
      this.scheduleTrim(key, s);
      this.forgetIfIdle(key, s);
    };
  }

  private async acquireThenAdmit(key: string, s: SlotState): Promise<(() => void) | undefined> {
    s.waiting += 1;
    try {
      await this.serialized(s, () => this.acquire(key, s));
    } finally {
      s.waiting -= 1;
    }
    if (!this.store.available()) return this.admitLocally(key, s);
    if (this.now() < s.validUntil && s.inFlight < s.held) return this.admit(key, s);
    s.fullUntil = this.now() + this.fullCacheMs;
    this.forgetIfIdle(key, s);
    return undefined;
  }

  private async acquire(key: string, s: SlotState): Promise<void> {
    const started = this.now();
    const valid = started < s.validUntil;
    // the waiters before this one may have brought enough slots for everyone waiting
    if (valid && s.held - s.inFlight >= s.waiting) return;
    // a valid lease is kept whole: requests may have been admitted from it while this statement runs
    const keep = valid ? Math.max(s.inFlight, s.held) : s.inFlight;
    const want = Math.min(s.max, s.inFlight + s.waiting + spareOf(s.max));
    const slots = await this.store.acquireSlots(key, keep, Math.max(keep, want), s.max);
    if (slots === undefined) return;
    s.held = slots;
    s.validUntil = started + this.store.leaseMs;
    this.scheduleTrim(key, s);
  }

  private serialized(s: SlotState, work: () => Promise<void>): Promise<void> {
    const run = s.chain.then(work);
    s.chain = run.catch(() => undefined);
    return run;
  }

  private scheduleTrim(key: string, s: SlotState): void {
    if (s.timer || s.held === 0 || this.closed) return;
    s.timer = setTimeout(() => this.trimTick(key, s), this.lingerMs);
    s.timer.unref();
  }

  /** Give back what the last linger period did not use: keep its peak (+ spare), or nothing when idle. */
  private trimTick(key: string, s: SlotState): void {
    s.timer = undefined;
    const peak = s.peak;
    s.peak = s.inFlight;
    const target = peak === 0 ? 0 : Math.min(s.held, peak + spareOf(s.max));
    const after = (): void => {
      this.scheduleTrim(key, s);
      this.forgetIfIdle(key, s);
    };
    if (target >= s.held) {
      after();
      return;
    }
    void this.serialized(s, async () => {
      const keep = Math.max(s.inFlight, target);
      if (keep >= s.held) return;
      // lowered before the statement: no request is admitted on a slot being given back
      s.held = keep;
      await this.store.setSlots(key, keep);
    }).then(after, after);
  }

  private forgetIfIdle(key: string, s: SlotState): void {
    if (s.held === 0 && s.inFlight === 0 && s.waiting === 0 && !s.timer && this.now() >= s.fullUntil && this.states.get(key) === s) {
      this.states.delete(key);
    }
  }

  /** The heartbeat: extend every lease this replica holds, in one statement. */
  private async renew(): Promise<void> {
    // idle keys whose "full" answer has run out (kept until then so that a flood costs no statement)
    for (const [key, s] of this.states) this.forgetIfIdle(key, s);
    if (this.renewing || !this.store.available()) return;
    const keys = [...this.states].filter(([, s]) => s.held > 0).map(([k]) => k);
    if (keys.length === 0) return;
    this.renewing = true;
    const started = this.now();
    try {
      const renewed = await this.store.renewSlots(keys);
      for (const key of renewed ?? []) {
        const s = this.states.get(key);
        if (s && s.held > 0) s.validUntil = Math.max(s.validUntil, started + this.store.leaseMs);
      }
    } finally {
      this.renewing = false;
    }
  }
}
