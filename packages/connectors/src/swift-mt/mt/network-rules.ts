/**
 * Builders of network validated rules over a text block: "not both",
 * "exactly one of", "together", "one group of", "excludes", "requires",
 * per-field value rules and usage rules. Every MT table builds its rules
 * here. Made for speed: field references are resolved to concrete tags when
 * a rule is built, and every rule of a validation run looks fields up in one
 * {@link FieldIndex} built once per message.
 */
import type { NetworkRule } from '../spec-types.js';
import type { SwiftField, SwiftIssue } from '../types.js';
import { FieldIndex } from './field-index.js';

/**
 * A field a rule names: a tag (`32B`), a family with its options
 * (`{ tag: '42a', options: ['A', 'D'] }`), or a family alone (`'57a'`: the
 * bank options A, B and D).
 */
export type FieldRef = string | { readonly tag: string; readonly options: readonly string[] };

/** The option letters a lower-case `a` family matches when a rule names none (the bank options). */
const DEFAULT_OPTIONS: readonly string[] = ['A', 'B', 'D'];

/** The concrete tags `ref` stands for (`{ tag: '42a', options: ['A', 'D'] }` → `['42A', '42D']`). */
export function tagsOf(ref: FieldRef): readonly string[] {
  if (typeof ref === 'string') {
    if (!ref.endsWith('a')) return [ref];
    return DEFAULT_OPTIONS.map((option) => `${ref.slice(0, 2)}${option}`);
  }
  return ref.options.map((option) => `${ref.tag.slice(0, 2)}${option}`);
}

/** The index of the text block being validated: built once by the validator, shared by its rules. */
let current: FieldIndex | undefined;

/**
 * Run `work` with one index of `fields` shared by every rule that checks
 * them (the validator does, around its rules); rules called on other fields
 * build their own. `tagKeys` are the fields' tag keys when the caller has them.
 */
export function withFieldIndex<T>(
  fields: readonly SwiftField[],
  work: () => T,
  tagKeys?: readonly number[],
): T {
  return FieldIndex.scoped(
    fields,
    (index) => {
      const previous = current;
      current = index;
      try {
        return work();
      } finally {
        current = previous;
      }
    },
    tagKeys,
  );
}

/** The index of `fields`: the validator's when it is validating them, else a new one. */
function fieldIndexOf(fields: readonly SwiftField[]): FieldIndex {
  return current !== undefined && current.fields === fields ? current : new FieldIndex(fields);
}

/** Call `visit` with every field of `tags` in message order (without allocating for a single tag). */
export function forEachField(
  index: FieldIndex,
  tags: readonly string[],
  visit: (field: SwiftField) => void,
): void {
  if (tags.length !== 1) {
    for (const field of index.all(tags)) visit(field);
    return;
  }
  for (
    let position = index.head(tags[0] as string);
    position !== -1;
    position = index.next(position)
  ) {
    visit(index.fields[position] as SwiftField);
  }
}

/** `issues` with `issue` appended (a new list for the first one): rules that hold allocate nothing. */
export function withIssue(issues: SwiftIssue[] | undefined, issue: SwiftIssue): SwiftIssue[] {
  if (issues === undefined) return [issue];
  issues.push(issue);
  return issues;
}

/** An issue of rule `rule` (`rule.C1`, `usage.58a`) on `field` when given. */
export function ruleIssue(rule: string, message: string, field?: SwiftField): SwiftIssue {
  const issue: SwiftIssue = { rule, message };
  if (field !== undefined) {
    issue.tag = field.tag;
    if (field.line !== undefined) issue.line = field.line;
  }
  return issue;
}

/**
 * A rule from a check over the message's {@link FieldIndex}: `find` returns
 * the issues, or `undefined` when the rule holds.
 */
export function indexedRule(
  id: string,
  description: string,
  find: (index: FieldIndex) => SwiftIssue[] | undefined,
): NetworkRule {
  return {
    id,
    description,
    check(fields) {
      return find(fieldIndexOf(fields)) ?? [];
    },
  };
}

/** `a` and `b` may not both be present (reported on the `b` field). */
export function notBothRule(
  id: string,
  a: FieldRef,
  b: FieldRef,
  description: string,
): NetworkRule {
  const aTags = tagsOf(a);
  const bTags = tagsOf(b);
  const rule = `rule.${id}`;
  return indexedRule(id, description, (index) => {
    const second = index.firstOf(bTags);
    return second !== undefined && index.firstPosition(aTags) !== -1
      ? [ruleIssue(rule, description, second)]
      : undefined;
  });
}

/** Exactly one of `a` and `b` must be present (both: reported on `b`; neither: on no field). */
export function exactlyOneRule(
  id: string,
  a: FieldRef,
  b: FieldRef,
  description: string,
): NetworkRule {
  const aTags = tagsOf(a);
  const bTags = tagsOf(b);
  const rule = `rule.${id}`;
  return indexedRule(id, description, (index) => {
    const hasA = index.firstPosition(aTags) !== -1;
    const second = index.firstOf(bTags);
    if (hasA && second !== undefined) return [ruleIssue(rule, description, second)];
    if (!hasA && second === undefined) return [ruleIssue(rule, description)];
    return undefined;
  });
}

/** When one of `refs` is present, all must be (reported on the first present one, in `refs` order). */
export function togetherRule(
  id: string,
  refs: readonly FieldRef[],
  description: string,
): NetworkRule {
  const tags = refs.map(tagsOf);
  const rule = `rule.${id}`;
  return indexedRule(id, description, (index) => {
    let some: SwiftField | undefined;
    let missing = false;
    for (const ref of tags) {
      const field = index.firstOf(ref);
      if (field === undefined) missing = true;
      else some ??= field;
    }
    return some !== undefined && missing ? [ruleIssue(rule, description, some)] : undefined;
  });
}

/**
 * At most one of `groups` may be present, a group being present when any of
 * its fields is (e.g. `[[42C, 42a], [42M], [42P]]`); reported on the second
 * present group's first field (in `refs` order).
 */
export function oneGroupRule(
  id: string,
  groups: readonly (readonly FieldRef[])[],
  description: string,
): NetworkRule {
  const tags = groups.map((group) => group.map(tagsOf));
  const rule = `rule.${id}`;
  return indexedRule(id, description, (index) => {
    let present = 0;
    for (const group of tags) {
      for (const ref of group) {
        const field = index.firstOf(ref);
        if (field === undefined) continue;
        if (++present === 2) return [ruleIssue(rule, description, field)];
        break;
      }
    }
    return undefined;
  });
}

/** When `trigger` is present, none of `excluded` may be (every occurrence is reported). */
export function excludesRule(
  id: string,
  trigger: FieldRef,
  excluded: readonly FieldRef[],
  description: string,
): NetworkRule {
  const triggerTags = tagsOf(trigger);
  const excludedTags = excluded.map(tagsOf);
  const rule = `rule.${id}`;
  return indexedRule(id, description, (index) => {
    if (index.firstPosition(triggerTags) === -1) return undefined;
    let issues: SwiftIssue[] | undefined;
    for (const tags of excludedTags) {
      forEachField(index, tags, (field) => {
        issues = withIssue(issues, ruleIssue(rule, description, field));
      });
    }
    return issues;
  });
}

/** When any of `triggers` is present, `required` must be too (reported on the first trigger, in `triggers` order). */
export function requiresRule(
  id: string,
  triggers: readonly FieldRef[],
  required: FieldRef,
  description: string,
): NetworkRule {
  const triggerTags = triggers.map(tagsOf);
  const requiredTags = tagsOf(required);
  const rule = `rule.${id}`;
  return indexedRule(id, description, (index) => {
    if (index.firstPosition(requiredTags) !== -1) return undefined;
    for (const tags of triggerTags) {
      const trigger = index.firstOf(tags);
      if (trigger !== undefined) return [ruleIssue(rule, description, trigger)];
    }
    return undefined;
  });
}

/**
 * A rule over the value of every occurrence of each of `refs`: `problem`
 * returns why a value breaks it, or `undefined` when it holds. Issues read
 * `Field <tag>: <why>`.
 */
export function fieldValueRule(
  id: string,
  refs: readonly FieldRef[],
  description: string,
  problem: (value: string, field: SwiftField) => string | undefined,
): NetworkRule {
  const tags = refs.map(tagsOf);
  const rule = `rule.${id}`;
  return indexedRule(id, description, (index) => {
    let issues: SwiftIssue[] | undefined;
    for (const ref of tags) {
      forEachField(index, ref, (field) => {
        const why = problem(field.value, field);
        if (why !== undefined) {
          issues = withIssue(issues, ruleIssue(rule, `Field ${field.tag}: ${why}`, field));
        }
      });
    }
    return issues;
  });
}

/**
 * A usage rule: guidance FIN does not reject. Its issues (`usage.<id>`) are
 * warnings in both modes. `problem` returns the field that breaks it and why.
 */
export function usageRule(
  id: string,
  description: string,
  problem: (index: FieldIndex) => { field?: SwiftField; message: string } | undefined,
): NetworkRule {
  const rule = `usage.${id}`;
  return indexedRule(id, description, (index) => {
    const found = problem(index);
    return found === undefined ? undefined : [ruleIssue(rule, found.message, found.field)];
  });
}
