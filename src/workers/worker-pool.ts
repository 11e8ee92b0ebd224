/**
 * A small pool of worker threads answering requests by id: a request goes to the
 * least busy worker, its answer (or error) comes back as a promise; a worker that
 * dies fails everything pending. Close the pool when done: its workers keep the
 * process alive until then.
 *
 * Protocol: the pool posts `{ id, ...request }`; a worker answers `{ id, value }` or
 * `{ id, error }`. Messages without an id (e.g. state a worker should keep) go with
 * `post` and get no answer.
 */
import { Worker } from 'node:worker_threads';

export interface PoolWorker<S> {
  /** Whatever the caller tracks per worker (e.g. which data it was sent). */
  readonly state: S;
  /** Sends a message that gets no answer. */
  post(message: object): void;
}

export interface WorkerPool<S> {
  /** Sends a request to the least busy worker (`prepare` may post to it first) and waits for the answer. */
  request<T>(message: object, prepare?: (worker: PoolWorker<S>) => void): Promise<T>;
  close(): Promise<void>;
}

export function createWorkerPool<S>(entry: URL, size: number, label: string, initialState: () => S, workerData?: unknown): WorkerPool<S> {
  interface Slot extends PoolWorker<S> {
    readonly worker: Worker;
    busy: number;
  }
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (e: Error) => void }>();
  let next = 0;
  let failure: Error | null = null;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const slots: Slot[] = Array.from({ length: size }, () => {
    const worker = new Worker(entry, { workerData });
    const slot: Slot = { worker, busy: 0, state: initialState(), post: (message) => worker.postMessage(message) };
    worker.on('message', (message: { id: number; value?: unknown; error?: string }) => {
      slot.busy--;
      const p = pending.get(message.id);
      pending.delete(message.id);
      if (message.error !== undefined) p?.reject(new Error(message.error));
      else p?.resolve(message.value);
    });
    worker.on('error', failAll);
    worker.on('exit', (code) => {
      if (code !== 0) failAll(new Error(`${label} worker stopped (exit code ${code})`));
    });
    // Not unref'd: while a request is out, its worker is what keeps the process going.
    return slot;
  });
  return {
    request<T>(message: object, prepare?: (worker: PoolWorker<S>) => void): Promise<T> {
      if (failure) return Promise.reject(failure);
      const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
      prepare?.(slot);
      const id = next++;
      slot.busy++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        slot.worker.postMessage({ ...message, id });
      });
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/** The worker side: answers each request with `handle`'s value or its error message. */
export function serveRequests(port: import('node:worker_threads').MessagePort, handle: (message: { id?: number } & Record<string, unknown>) => unknown): void {
  port.on('message', (message: { id?: number } & Record<string, unknown>) => {
    if (message.id === undefined) {
      handle(message);
      return;
    }
    try {
      port.postMessage({ id: message.id, value: handle(message) });
    } catch (error) {
      port.postMessage({ id: message.id, error: (error as Error).message });
    }
  });
}
