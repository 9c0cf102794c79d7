/**
 * A first-in-first-out queue with a fixed capacity. O(1) push and shift (an array with a moving head that is
 * compacted now and then), so a burst of tracked events costs no re-indexing.
 */
export class BoundedQueue<T> {
  readonly capacity: number;
  private items: (T | undefined)[] = [];
  private head = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  /** How many items wait in the queue. */
  get size(): number {
    return this.items.length - this.head;
  }

  /** Whether another item fits. */
  get full(): boolean {
    return this.size >= this.capacity;
  }

  /** Appends an item; the caller checks {@link BoundedQueue.full} first. */
  push(item: T): void {
    this.items.push(item);
  }

  /** Removes and returns the oldest item. */
  shift(): T | undefined {
    if (this.head >= this.items.length) {
      return undefined;
    }
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head++;
    if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** Removes and returns every item, oldest first. */
  drain(): T[] {
    const rest = this.items.slice(this.head) as T[];
    this.items = [];
    this.head = 0;
    return rest;
  }
}
