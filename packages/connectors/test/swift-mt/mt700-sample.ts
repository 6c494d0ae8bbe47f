/** A small valid MT700 text block for the validator and LC-check tests, as fields and as FIN text. */
import type { SwiftField } from '../../src/swift-mt/types.js';

/** The fields of a valid MT700 (every mandatory field plus the usual shipment terms). */
export function mt700Fields(): SwiftField[] {
  return [
    { tag: '27', value: '1/1' },
    { tag: '40A', value: 'IRREVOCABLE' },
    { tag: '20', value: 'LC2025000123' },
    { tag: '31C', value: '250310' },
    { tag: '40E', value: 'UCP LATEST VERSION' },
    { tag: '31D', value: '250715HAMBURG' },
    { tag: '50', value: 'NORDTEX MODEHANDEL GMBH\nHAMBURG' },
    { tag: '59', value: '/0012345678901\nDHAKA KNITWEAR EXPORTS LTD\nDHAKA' },
    { tag: '32B', value: 'EUR248650,00' },
    { tag: '41D', value: 'ANY BANK\nBY NEGOTIATION' },
    { tag: '43P', value: 'ALLOWED' },
    { tag: '43T', value: 'NOT ALLOWED' },
    { tag: '44E', value: 'CHATTOGRAM PORT' },
    { tag: '44F', value: 'HAMBURG PORT' },
    { tag: '44C', value: '250630' },
    { tag: '45A', value: '+COTTON GARMENTS' },
    {
      tag: '46A',
      value: '+SIGNED COMMERCIAL INVOICE\n+FULL SET OF CLEAN ON BOARD BILLS OF LADING',
    },
    { tag: '48', value: '14' },
    { tag: '49', value: 'WITHOUT' },
  ];
}

/** `fields` with `tag`'s value replaced (or removed when `value` is undefined). */
export function withField(
  fields: SwiftField[],
  tag: string,
  value: string | undefined,
): SwiftField[] {
  if (value === undefined) return fields.filter((field) => field.tag !== tag);
  return fields.map((field) => (field.tag === tag ? { ...field, value } : field));
}

/** `fields` with `field` inserted before the first field with tag `before` (or appended). */
export function insertField(
  fields: SwiftField[],
  field: SwiftField,
  before?: string,
): SwiftField[] {
  const index = before === undefined ? -1 : fields.findIndex((f) => f.tag === before);
  if (index < 0) return [...fields, field];
  return [...fields.slice(0, index), field, ...fields.slice(index)];
}

/** The FIN text of an input MT700 with `fields` (CRLF, blocks 1, 2 and 4). */
export function mt700Text(fields: SwiftField[]): string {
  const body = fields
    .map((field) => `:${field.tag}:${field.value.replaceAll('\n', '\r\n')}`)
    .join('\r\n');
  return `{1:F01COBADEFFAXXX0000000000}{2:I700SCBLBDDXXXXXN}{4:\r\n${body}\r\n-}`;
}
