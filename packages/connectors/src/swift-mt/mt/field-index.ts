/**
 * The fields of one text block by tag, built once per message and shared by
 * the network rules and the typed-model readers.
 */
import type { SwiftField } from '../types.js';

const NONE: readonly SwiftField[] = [];

/** How many {@link tagKey}s there are: 100 field numbers × (no option + A–Z). */
export const TAG_KEYS = 2700;

/**
 * A small number for a field tag of the form `\d\d[A-Z]?` (`20`, `32B`), so
 * that tables can be arrays instead of maps; -1 for any other string.
 */
export function tagKey(tag: string): number {
  const length = tag.length;
  if (length !== 2 && length !== 3) return -1;
  const tens = tag.charCodeAt(0) - 48;
  const ones = tag.charCodeAt(1) - 48;
  if (tens < 0 || tens > 9 || ones < 0 || ones > 9) return -1;
  if (length === 2) return (tens * 10 + ones) * 27;
  const option = tag.charCodeAt(2) - 64;
  return option < 1 || option > 26 ? -1 : (tens * 10 + ones) * 27 + option;
}

/** The first position of each tag key for the one scoped index at a time; -1 between uses. */
const SHARED_FIRST = new Int32Array(TAG_KEYS).fill(-1);
let sharedInUse = false;

/**
 * The fields of one text block by tag: the first occurrence of each tag and
 * a link from every field to the next one with the same tag, so that finding
 * a tag costs one lookup and listing its occurrences walks only them. A
 * {@link FieldIndex.scoped} index (the validator's) keeps first positions in
 * a table shared by tag key, so building it allocates nothing; others use a map.
 */
export class FieldIndex {
  readonly fields: readonly SwiftField[];
  /** First positions by tag key, while this index holds the shared table. */
  #byKey: Int32Array | undefined;
  /** First positions by tag, otherwise (made on first use). */
  #byTag: Map<string, number> | undefined;
  /** The next field with the same tag, by position (-1: none); made only when a tag repeats. */
  #next: number[] | undefined;
  /** The last field so far of each repeated tag, by its first position. */
  #last: number[] | undefined;

  /** An index of `fields`; with `sharedKeys` (their tag keys, from {@link FieldIndex.scoped}) in the shared table. */
  constructor(fields: readonly SwiftField[], sharedKeys?: readonly number[]) {
    this.fields = fields;
    if (sharedKeys !== undefined) {
      this.#byKey = SHARED_FIRST;
      for (let position = 0; position < sharedKeys.length; position++) {
        const key = sharedKeys[position] as number;
        const first = SHARED_FIRST[key] as number;
        if (first === -1) SHARED_FIRST[key] = position;
        else this.#link(first, position);
      }
      return;
    }
    this.#byTag = new Map();
    for (let position = 0; position < fields.length; position++) {
      const tag = (fields[position] as SwiftField).tag;
      const first = this.#byTag.get(tag);
      if (first === undefined) this.#byTag.set(tag, position);
      else this.#link(first, position);
    }
  }

  /**
   * Run `work` with an index of `fields` that lives only as long as `work`:
   * it borrows the shared table when it is free and every tag has a key.
   * `knownKeys` are the fields' tag keys when the caller has them.
   */
  static scoped<T>(
    fields: readonly SwiftField[],
    work: (index: FieldIndex) => T,
    knownKeys?: readonly number[],
  ): T {
    if (sharedInUse) return work(new FieldIndex(fields));
    const keys = knownKeys ?? fields.map((field) => tagKey(field.tag));
    if (keys.includes(-1)) return work(new FieldIndex(fields));
    sharedInUse = true;
    let index: FieldIndex | undefined;
    try {
      index = new FieldIndex(fields, keys);
      return work(index);
    } finally {
      if (index === undefined) for (const key of keys) SHARED_FIRST[key] = -1;
      else index.#release(keys);
      sharedInUse = false;
    }
  }

  /** Give the shared table back; the index answers from a map of its own if it is used again. */
  #release(keys: readonly number[]): void {
    for (const key of keys) SHARED_FIRST[key] = -1;
    this.#byKey = undefined;
  }

  /** The position of the first field with exactly `tag`, or -1. */
  head(tag: string): number {
    if (this.#byKey !== undefined) {
      const key = tagKey(tag);
      return key === -1 ? -1 : (this.#byKey[key] as number);
    }
    if (this.#byTag === undefined) {
      this.#byTag = new Map();
      for (let position = this.fields.length - 1; position >= 0; position--) {
        this.#byTag.set((this.fields[position] as SwiftField).tag, position);
      }
    }
    return this.#byTag.get(tag) ?? -1;
  }

  #link(first: number, position: number): void {
    if (this.#next === undefined || this.#last === undefined) {
      this.#next = new Array<number>(this.fields.length).fill(-1);
      this.#last = new Array<number>(this.fields.length).fill(-1);
    }
    const last = this.#last[first] as number;
    this.#next[last === -1 ? first : last] = position;
    this.#last[first] = position;
  }

  /** The position of the next field with the same tag as the one at `position`, or -1. */
  next(position: number): number {
    return this.#next === undefined ? -1 : (this.#next[position] as number);
  }

  /** The position of the first field of any of `tags` (the earliest in the message), or -1. */
  firstPosition(tags: readonly string[]): number {
    let found = -1;
    for (let i = 0; i < tags.length; i++) {
      const position = this.head(tags[i] as string);
      if (position !== -1 && (found === -1 || position < found)) found = position;
    }
    return found;
  }

  /** The first field with exactly `tag`. */
  first(tag: string): SwiftField | undefined {
    const position = this.head(tag);
    return position === -1 ? undefined : this.fields[position];
  }

  /** The first field of any of `tags` (the earliest in the message). */
  firstOf(tags: readonly string[]): SwiftField | undefined {
    if (tags.length === 1) return this.first(tags[0] as string);
    const position = this.firstPosition(tags);
    return position === -1 ? undefined : this.fields[position];
  }

  /** Every field with one of `tags`, in message order. */
  all(tags: readonly string[]): readonly SwiftField[] {
    let found: SwiftField[] | undefined;
    for (let i = 0; i < tags.length; i++) {
      for (
        let position = this.head(tags[i] as string);
        position !== -1;
        position = this.next(position)
      ) {
        found ??= [];
        found.push(this.fields[position] as SwiftField);
      }
    }
    if (found === undefined) return NONE;
    if (tags.length > 1) found.sort((a, b) => this.fields.indexOf(a) - this.fields.indexOf(b));
    return found;
  }
}
