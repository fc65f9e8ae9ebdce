import type { z } from 'astro/zod';

type Schema = z.core.$ZodType;

/** The schemas a value must meet, looking past wrappers that keep its shape (optional, default, unions…). */
function shapesOf(schema: Schema): Schema[] {
  const def = (schema as z.core.$ZodTypes)._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return shapesOf(def.innerType);
    case 'pipe':
      return shapesOf(def.in);
    case 'lazy':
      return shapesOf(def.getter());
    case 'union':
      return def.options.flatMap(shapesOf);
    case 'intersection':
      return [...shapesOf(def.left), ...shapesOf(def.right)];
    default:
      return [schema];
  }
}

/** What the value at one step into a value of `schema` must meet. */
function stepInto(schema: Schema, step: PropertyKey): Schema[] {
  const def = (schema as z.core.$ZodTypes)._zod.def;
  if (def.type === 'object' && typeof step === 'string') {
    const field = def.shape[step];
    return field ? shapesOf(field) : [];
  }
  if (def.type === 'array' && typeof step === 'number') return shapesOf(def.element);
  if (def.type === 'record') return shapesOf(def.valueType);
  return [];
}

/**
 * The field names the schema allows in the object at `path` of a value (an
 * `unrecognized_keys` issue's path), for telling a writer which one a
 * misspelt field was meant to be. None when no object schema is there.
 */
export function fieldsAt(schema: Schema, path: readonly PropertyKey[]): string[] {
  let here = shapesOf(schema);
  for (const step of path) here = here.flatMap((s) => stepInto(s, step));
  const fields = here.flatMap((s) => {
    const def = (s as z.core.$ZodTypes)._zod.def;
    return def.type === 'object' ? Object.keys(def.shape) : [];
  });
  return [...new Set(fields)];
}
