import { XMLBuilder } from 'fast-xml-parser';
import { ERRORS } from '../../shared/errors.ts';

/**
 * GeoReport v2 documents, written once and rendered in either format: XML (the spec's first format,
 * schemaless, no namespace) or JSON by the Spark convention the spec names (a container of one
 * repeated element becomes an array, so the root list becomes the top-level array; an empty element
 * becomes null).
 */
export const FORMATS = ['xml', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** A container element holding repeated `item` elements (`<services><service>…`). */
class ElementList {
  readonly item: string;
  readonly items: readonly Value[];
  constructor(item: string, items: readonly Value[]) {
    this.item = item;
    this.items = items;
  }
}
export type Value = string | number | boolean | null | ElementList | { readonly [element: string]: Value };

export const list = (item: string, items: readonly Value[]) => new ElementList(item, items);

function toJson(value: Value): unknown {
  if (value instanceof ElementList) return value.items.map(toJson);
  if (value === null || value === '') return null;
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  }
  return value;
}

// Characters XML 1.0 cannot carry at all (control characters, lone surrogates) are dropped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function toXml(value: Value): unknown {
  if (value instanceof ElementList) {
    return value.items.length === 0 ? '' : { [value.item]: value.items.map(toXml) };
  }
  if (value === null) return '';
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toXml(v)]));
  }
  return String(value).replace(NOT_XML, '');
}

const builder = new XMLBuilder({ format: true, suppressEmptyNode: true, indentBy: '  ' });

export const CONTENT_TYPES = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const satisfies Record<Format, string>;

/** The document `<root>…</root>` (XML, with its declaration) or its Spark JSON. */
export function render(format: Format, root: string, value: Value): string {
  if (format === 'json') return JSON.stringify(toJson(value));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [root]: toXml(value) })}`;
}

/** The format a URL asks for by its extension; XML (the spec's required format) otherwise. */
export function formatOfUrl(url: string): Format {
  return /\.json$/i.test(url.split('?')[0] ?? '') ? 'json' : 'xml';
}

/** The status an app error code answers with here: 403, 404, or 400 for every other refusal. */
export function open311Status(code: keyof typeof ERRORS): 400 | 403 | 404 | 500 {
  const status: number = ERRORS[code].status;
  if (status === 403 || status === 404) return status;
  return status >= 500 ? 500 : 400;
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** A W3C datetime in China Standard Time (UTC+08:00, no daylight saving), e.g. 2025-05-01T09:30:00+08:00. */
export function w3(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

const W3C = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Reads a W3C datetime (2010-01-01T00:00:00Z, …+08:00, or a bare date taken as midnight in China).
 * A `+` left unencoded in a query string arrives as a space, so a space before the offset counts as `+`.
 * Null when it is not one.
 */
export function parseW3(value: string): Date | null {
  const text = value.trim().replace(/ (\d{2}:\d{2})$/, '+$1');
  if (!W3C.test(text)) return null;
  const at = Date.parse(text.length === 10 ? `${text}T00:00:00+08:00` : text);
  return Number.isFinite(at) ? new Date(at) : null;
}
