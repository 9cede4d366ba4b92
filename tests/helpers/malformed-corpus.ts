/**
 * Generates malformed requests from the OpenAPI document (issue 8, items 6–8, 11–12): for every operation a
 * schema-shaped baseline, then one defect at a time — NUL and a lone surrogate in each string, a year
 * PostgreSQL cannot store in each date, a non-URL in each URL, wrong types and an int4 overflow in numbers,
 * a 2 000-character and a badly percent-encoded path parameter. Bounded per operation so the run stays short.
 */

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};
type Parameter = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; schema?: JsonSchema };
export type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
export type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

export type MalformedCase = { name: string; method: string; url: string; body?: unknown };

export const NIL_UUID = '00000000-0000-4000-8000-000000000000';
const MAX_CASES_PER_OPERATION = 20;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function resolve(doc: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema {
  let current = schema ?? {};
  for (let i = 0; i < 10 && current.$ref; i++) {
    const name = current.$ref.split('/').pop() ?? '';
    current = doc.components?.schemas?.[name] ?? {};
  }
  const variants = current.anyOf ?? current.oneOf;
  if (variants) {
    const nonNull = variants.map((v) => resolve(doc, v)).find((v) => v.type !== 'null');
    return nonNull ?? {};
  }
  if (current.allOf?.length) return resolve(doc, current.allOf[0]);
  return current;
}

const typeOf = (s: JsonSchema) => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);

/** A value the schema most likely accepts: the baseline each case spoils in exactly one place. */
export function sample(doc: OpenApiDocument, raw: JsonSchema | undefined, depth = 0): unknown {
  const s = resolve(doc, raw);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  switch (typeOf(s)) {
    case 'string':
      if (s.format === 'uuid') return NIL_UUID;
      if (s.format === 'email') return 'corpus@example.test';
      if (s.format === 'date') return '2030-01-01';
      if (s.format === 'date-time') return '2030-01-01T00:00:00.000Z';
      if (s.format === 'uri') return 'https://example.com/x';
      return 'X'.repeat(Math.max(1, s.minLength ?? 1));
    case 'integer':
    case 'number':
      return Math.max(1, (s.minimum ?? s.exclusiveMinimum ?? 0) + 1);
    case 'boolean':
      return true;
    case 'array':
      return depth > 4 ? [] : Array.from({ length: s.minItems ?? 0 }, () => sample(doc, s.items, depth + 1));
    case 'object': {
      if (depth > 4) return {};
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = sample(doc, s.properties?.[key], depth + 1);
      return out;
    }
    default:
      return 'X';
  }
}

type Leaf = { path: string[]; schema: JsonSchema };

/** Every property reachable from the schema (optional ones too), with its own schema. */
function leaves(doc: OpenApiDocument, raw: JsonSchema | undefined, path: string[] = []): Leaf[] {
  const s = resolve(doc, raw);
  if (path.length > 4) return [];
  if (typeOf(s) === 'object' && s.properties)
    return Object.entries(s.properties).flatMap(([key, child]) => leaves(doc, child, [...path, key]));
  if (typeOf(s) === 'array' && s.items && path.length > 0)
    return [{ path, schema: s }, ...leaves(doc, s.items, [...path, '0'])];
  return path.length > 0 ? [{ path, schema: s }] : [];
}

function withValue(base: unknown, path: string[], value: unknown): unknown {
  const root = structuredClone(base ?? {}) as Record<string, unknown>;
  let node: Record<string, unknown> = root;
  for (const [i, key] of path.entries()) {
    if (i === path.length - 1) node[key] = value;
    else {
      const next = node[key];
      node[key] =
        typeof next === 'object' && next !== null ? next : /^\d+$/.test(path[i + 1] ?? '') ? [] : {};
      node = node[key] as Record<string, unknown>;
    }
  }
  return root;
}

/** The spoiled values a field of this schema gets, at most a few. */
function defectsFor(s: JsonSchema): Array<[name: string, value: unknown]> {
  const type = typeOf(s);
  if (type === 'string') {
    const out: Array<[string, unknown]> = [
      ['NUL', s.format === 'uuid' ? `${NIL_UUID}\u0000` : 'a\u0000b'],
      ['lone surrogate', 'a\ud800b'],
    ];
    if (s.format === 'date') out.push(['year 0000', '0000-01-01']);
    if (s.format === 'date-time') out.push(['year 0000', '0000-01-01T00:00:00Z']);
    if (s.format === 'uri') out.push(['not a URL', 'http://['], ['not a URL at all', 'не адрес']);
    return out;
  }
  if (type === 'integer' || type === 'number')
    return [
      ['wrong type', 'x'],
      ['int4 overflow', 2 ** 31],
    ];
  if (type === 'boolean') return [['wrong type', 'x']];
  if (type === 'array') return [['wrong type', 'x']];
  return [];
}

function queryDefects(s: JsonSchema): Array<[string, string]> {
  const type = typeOf(s);
  const out: Array<[string, string]> = [
    ['NUL', '%00'],
    ['malformed percent-encoding', '%E0%A4%A'],
  ];
  if (type === 'integer' || type === 'number')
    out.push(['wrong type', 'abc'], ['int4 overflow', '2147483648']);
  if (s.format === 'date') out.push(['year 0000', '0000-01-01']);
  if (s.format === 'date-time') out.push(['year 0000', '0000-01-01T00:00:00Z']);
  return out;
}

function pathValue(doc: OpenApiDocument, p: Parameter): string {
  return encodeURIComponent(String(sample(doc, p.schema)));
}

/** The malformed requests of one operation. `skipBody` for multipart uploads (another test owns them). */
export function casesFor(
  doc: OpenApiDocument,
  method: string,
  route: string,
  op: Operation,
): MalformedCase[] {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const fill = (override?: [string, string]) =>
    route.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (override && override[0] === name) return override[1];
      const p = pathParams.find((x) => x.name === name);
      return p ? pathValue(doc, p) : 'X';
    });
  const requiredQuery = queryParams
    .filter((p) => (p as { required?: boolean }).required)
    .map((p) => `${p.name}=${encodeURIComponent(String(sample(doc, p.schema)))}`);
  const withQuery = (url: string, extra?: string) => {
    const parts = [...requiredQuery, ...(extra ? [extra] : [])];
    return parts.length ? `${url}?${parts.join('&')}` : url;
  };
  const content = op.requestBody?.content ?? {};
  const jsonSchema = content['application/json']?.schema;
  const baseBody = jsonSchema ? sample(doc, jsonSchema) : undefined;
  const m = method.toUpperCase();
  const cases: MalformedCase[] = [];
  const add = (name: string, url: string, body = baseBody) => cases.push({ name, method: m, url, body });

  for (const p of pathParams) {
    add(`path ${p.name}: NUL`, withQuery(fill([p.name, '%00'])));
    add(`path ${p.name}: 2 000 characters`, withQuery(fill([p.name, 'a'.repeat(2000)])));
    add(`path ${p.name}: malformed percent-encoding`, withQuery(fill([p.name, '%E0%A4%A'])));
  }
  for (const p of queryParams)
    for (const [name, value] of queryDefects(resolve(doc, p.schema)))
      add(`query ${p.name}: ${name}`, withQuery(fill(), `${p.name}=${value}`));
  if (jsonSchema) {
    add('body: wrong type (array)', withQuery(fill()), []);
    for (const leaf of leaves(doc, jsonSchema))
      for (const [name, value] of defectsFor(leaf.schema))
        add(`body ${leaf.path.join('.')}: ${name}`, withQuery(fill()), withValue(baseBody, leaf.path, value));
  }
  return cases.slice(0, MAX_CASES_PER_OPERATION);
}

/** Every operation under /api/ with its cases; multipart bodies are left out, their path and query are not. */
export function corpus(doc: OpenApiDocument): Array<{ route: string; cases: MalformedCase[] }> {
  return Object.entries(doc.paths)
    .filter(([route]) => route.startsWith('/api/v1/'))
    .flatMap(([route, ops]) =>
      METHODS.filter((m) => ops[m]).map((m) => {
        const op = ops[m] as Operation;
        const content = op.requestBody?.content ?? {};
        const multipart = Object.keys(content).some((type) => type.startsWith('multipart/'));
        const usable = multipart ? { ...op, requestBody: undefined } : op;
        return { route: `${m.toUpperCase()} ${route}`, cases: casesFor(doc, m, route, usable) };
      }),
    );
}
