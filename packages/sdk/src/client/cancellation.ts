/**
 * One AbortController per `request()` call that fires on whichever comes first: the caller's
 * signal or the overall timeout. Written by hand rather than with `AbortSignal.any` so that it
 * runs on every browser the city's residents use, and so the SDK knows which of the two fired.
 */
export interface Cancellation {
  readonly signal: AbortSignal;
  /** 'timeout' | 'caller' once aborted, else undefined. */
  readonly reason: () => 'timeout' | 'caller' | undefined;
  /** Epoch ms after which the timeout fires (Infinity without a timeout). */
  readonly deadline: number;
  readonly dispose: () => void;
}

export function createCancellation(callerSignal: AbortSignal | undefined, timeoutMs: number | undefined, now: number): Cancellation {
  const controller = new AbortController();
  let why: 'timeout' | 'caller' | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const onCallerAbort = (): void => {
    if (why === undefined) why = 'caller';
    controller.abort(callerSignal?.reason);
  };
  if (callerSignal) {
    if (callerSignal.aborted) onCallerAbort();
    else callerSignal.addEventListener('abort', onCallerAbort, { once: true });
  }
  if (timeoutMs !== undefined && Number.isFinite(timeoutMs) && why === undefined) {
    timer = setTimeout(() => {
      if (why === undefined) why = 'timeout';
      controller.abort(new Error(`timeout after ${timeoutMs} ms`));
    }, timeoutMs);
  }
  return {
    signal: controller.signal,
    reason: () => why,
    deadline: timeoutMs !== undefined && Number.isFinite(timeoutMs) ? now + timeoutMs : Number.POSITIVE_INFINITY,
    dispose: () => {
      if (timer !== undefined) clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}

/** Waits `ms`, or resolves `false` early when `signal` aborts (never rejects). */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve(false);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
