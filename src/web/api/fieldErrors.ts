import { problemOf } from './client.ts';

/**
 * The problem's field errors for the given form fields, ready for antd's `form.setFields`.
 * Request validation names fields 'body.phone' (or 'body.tags.0'); checks in the handlers name
 * them plainly ('role'): both land on the field.
 */
export function fieldErrorsOf<K extends string>(
  err: unknown,
  fields: readonly K[],
): { name: K; errors: string[] }[] {
  const byField = new Map<K, string[]>();
  for (const e of problemOf(err).errors ?? []) {
    const [first, second] = e.path.split('.');
    const key = (first === 'body' ? second : first) as K | undefined;
    if (!key || !fields.includes(key)) continue;
    byField.set(key, [...(byField.get(key) ?? []), e.message]);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}
