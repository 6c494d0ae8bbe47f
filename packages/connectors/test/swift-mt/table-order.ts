import type { MtSpec } from '../../src/swift-mt/index.js';
import type { SwiftField } from '../../src/swift-mt/types.js';

/**
 * Fields for network-rule tests: `base` with `extra` fields put in, without
 * the tags of `without`, sorted in the order of `spec`'s table (a family
 * such as `42A` takes the place of `42a`).
 */
export function fieldsInTableOrder(
  spec: MtSpec,
  base: readonly SwiftField[],
): (extra: Record<string, string>, without?: string[]) => SwiftField[] {
  const order = spec.fields.map((field) => field.tag);
  const position = (tag: string): number => {
    const exact = order.indexOf(tag);
    return exact >= 0 ? exact : order.indexOf(`${tag.slice(0, 2)}a`);
  };
  return (extra, without = []) =>
    [
      ...base.filter((field) => !without.includes(field.tag) && !(field.tag in extra)),
      ...Object.entries(extra).map(([tag, value]) => ({ tag, value })),
    ].sort((a, b) => position(a.tag) - position(b.tag));
}
