/**
 * zod schemas -> OpenAPI pieces. Parameters are described by the very schemas the routes parse
 * with, read as their input type (query strings), with the `.meta()` annotations of
 * shared/params.ts supplying integer types and ranges.
 */
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

export interface QueryParameter {
  name: string;
  in: 'query';
  required: boolean;
  description: string;
  schema: JsonSchema;
}

/** JSON Schema (2020-12, OpenAPI 3.1's dialect) of a schema's input, keeping defaults. */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      // zod drops defaults of transforming schemas in input mode; a reader still wants them.
      const def = (ctx.zodSchema as unknown as { _zod: { def: { type: string; defaultValue?: unknown } } })._zod.def;
      if (def.type === 'default') ctx.jsonSchema.default = typeof def.defaultValue === 'function' ? def.defaultValue() : def.defaultValue;
      // A uuid is matched case-insensitively, which a JSON Schema pattern cannot say.
      if (ctx.jsonSchema.format === 'uuid') delete ctx.jsonSchema.pattern;
    },
  }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** The query parameters an object schema accepts, each with its range, default and our description. */
export function queryParameters(schema: z.ZodType, describe: (name: string) => string): QueryParameter[] {
  const json = inputJsonSchema(schema);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, prop]) => {
    const { description: _ignored, ...rest } = prop;
    return { name, in: 'query', required: required.has(name) && !('default' in prop), description: describe(name), schema: rest };
  });
}
