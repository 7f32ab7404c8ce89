import { problemOf } from './client.ts';

/**
 * The problem's field errors for the given form fields, ready for antd's `form.setFields`.
 * Request validation names fields 'body.phone' (or 'body.tags.0'); checks in the handlers name
 * them plainly ('role'): both land on the field. A form whose fields are not the body's top-level
 * keys passes `fieldOf`, which maps the path without 'body.' ('standingDirectors.min') to its field.
 */
export function fieldErrorsOf<K extends string>(
  err: unknown,
  fields: readonly K[] | ((path: string) => K | undefined),
): { name: K; errors: string[] }[] {
  const fieldOf =
    typeof fields === 'function'
      ? fields
      : (path: string) => {
          const key = path.split('.')[0] as K;
          return fields.includes(key) ? key : undefined;
        };
  const byField = new Map<K, string[]>();
  for (const e of problemOf(err).errors ?? []) {
    const key = fieldOf(e.path.replace(/^body(\.|$)/, ''));
    if (!key) continue;
    byField.set(key, [...(byField.get(key) ?? []), e.message]);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}

/**
 * `fieldOf` for a form whose fields are the body's top-level keys but for a few it names otherwise, such
 * as amounts asked in yuan that the server names in fen (`{ amountFen: 'amount' }`).
 */
export function renamedFieldOf<K extends string>(fields: readonly K[], renamed: Readonly<Record<string, K>>) {
  return (path: string): K | undefined => {
    const key = path.split('.')[0] ?? '';
    const named = Object.hasOwn(renamed, key) ? renamed[key] : key;
    return fields.find((f) => f === named);
  };
}
