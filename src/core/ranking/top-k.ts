/**
 * A bounded top-k collector: keeps the k best items seen so far in a binary min-heap,
 * so ranking a stream of any length needs memory for k items only.
 */
export class TopK<T> {
  readonly #heap: T[] = [];

  constructor(
    private readonly k: number,
    /** Negative when a is worse than b. */
    private readonly compare: (a: T, b: T) => number,
  ) {}

  push(item: T): void {
    if (this.k <= 0) return;
    const heap = this.#heap;
    if (heap.length < this.k) {
      heap.push(item);
      this.#up(heap.length - 1);
    } else if (this.compare(item, heap[0]!) > 0) {
      heap[0] = item;
      this.#down(0);
    }
  }

  /** The kept items, best first. */
  sorted(): T[] {
    return [...this.#heap].sort((a, b) => this.compare(b, a));
  }

  get size(): number {
    return this.#heap.length;
  }

  #up(i: number): void {
    const heap = this.#heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(heap[i]!, heap[parent]!) >= 0) return;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  #down(i: number): void {
    const heap = this.#heap;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && this.compare(heap[left]!, heap[smallest]!) < 0) smallest = left;
      if (right < heap.length && this.compare(heap[right]!, heap[smallest]!) < 0) smallest = right;
      if (smallest === i) return;
      [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
      i = smallest;
    }
  }
}
