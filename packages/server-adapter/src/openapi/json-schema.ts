import { moneyInput } from '@tollgate/connectors/logistics';
import { z } from 'zod';

/** A JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1 Schema Objects). */
export type JsonSchema = Record<string, unknown>;

/** Whether a schema is converted as the server READS it (requests) or WRITES it (answers). */
export type SchemaDirection = 'input' | 'output';

/** Where named schemas live in the OpenAPI document. */
export const COMPONENT_SCHEMA_PREFIX = '#/components/schemas/';

/** A bigint as JSON carries it: a base-10 integer string. */
const BIGINT_JSON: JsonSchema = {
  type: 'string',
  pattern: '^-?[0-9]+$',
  description: 'An integer written in base 10, as a string.',
};

/** A file part of a multipart body. */
const FILE_JSON: JsonSchema = { type: 'string', contentMediaType: 'application/octet-stream' };

/**
 * Money JSON as a caller sends it (core's `moneyFromJSON`): minor units as a
 * digit string, never a JSON number, and an ISO 4217 code; non-negative
 * where the route reads it with the logistics `moneyInput`.
 */
const MONEY_INPUT_JSON: JsonSchema = {
  type: 'object',
  description:
    'Money: `amount` in minor units as a digit string (`"15000"` USD is $150.00), never a number.',
  properties: {
    amount: { type: 'string', pattern: '^[0-9]{1,100}$' },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
  },
  required: ['amount', 'currency'],
  examples: [{ amount: '15000', currency: 'USD' }],
};

/**
 * Zod schemas that JSON Schema cannot describe by their structure (a
 * transform from `unknown`), with what the route really accepts.
 */
const KNOWN_SCHEMAS = new Map<z.ZodType, JsonSchema>([[moneyInput, MONEY_INPUT_JSON]]);

function replaceContents(target: JsonSchema, replacement: JsonSchema): void {
  for (const key of Object.keys(target)) delete target[key];
  Object.assign(target, structuredClone(replacement));
}

/** The conversion options shared by every schema of the document. */
function conversionParams(io: SchemaDirection) {
  return {
    target: 'draft-2020-12',
    io,
    // bigint becomes a digit string and a multipart file a binary string;
    // anything else without a JSON form fails loudly (a test catches it).
    unrepresentable: (ctx: { zodSchema: z.core.$ZodType; message: string }) => {
      const def = ctx.zodSchema._zod.def;
      if (def.type === 'bigint') return structuredClone(BIGINT_JSON);
      const cls = (ctx.zodSchema._zod.bag as { Class?: unknown }).Class;
      if (def.type === 'custom' && (cls === File || cls === Blob)) return { ...FILE_JSON };
      return 'throw' as const;
    },
    override: (ctx: { zodSchema: z.core.$ZodType; jsonSchema: JsonSchema }) => {
      const known = KNOWN_SCHEMAS.get(ctx.zodSchema as z.ZodType);
      if (known !== undefined) {
        replaceContents(ctx.jsonSchema, known);
        return;
      }
      // A plain `z.object` drops unknown members (it is not strict): answers
      // may gain members, and requests may carry ones the route ignores.
      const def = ctx.zodSchema._zod.def as { type: string; catchall?: unknown };
      if (def.type === 'object' && def.catchall === undefined) {
        delete ctx.jsonSchema.additionalProperties;
      }
    },
  } satisfies z.core.ToJSONSchemaParams;
}

/** Drop what a standalone JSON Schema carries but an embedded Schema Object must not. */
function embedded(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}

/**
 * Convert named zod schemas to OpenAPI 3.1 component schemas. A named schema
 * used inside another becomes a `$ref` to `#/components/schemas/<name>`;
 * anything unnamed is inlined.
 */
export function toComponentSchemas(
  named: Readonly<Record<string, z.ZodType>>,
  io: SchemaDirection,
): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) {
    if (registry.has(schema)) throw new Error(`OpenAPI: schema "${id}" is named twice`);
    registry.add(schema, { id });
  }
  const { schemas } = z.toJSONSchema(registry, {
    ...conversionParams(io),
    uri: (id: string) => `${COMPONENT_SCHEMA_PREFIX}${id}`,
  }) as {
    schemas: Record<string, JsonSchema>;
  };
  if ('__shared' in schemas) {
    throw new Error('OpenAPI: a schema is shared by reference without a name; name it');
  }
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, embedded(schema)]));
}

/** Convert one zod schema (query parameters …) to an inline OpenAPI 3.1 Schema Object. */
export function toInlineSchema(schema: z.ZodType, io: SchemaDirection): JsonSchema {
  return embedded(z.toJSONSchema(schema, conversionParams(io)) as JsonSchema);
}
