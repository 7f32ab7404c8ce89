import { parseYuan } from '../../shared/money.ts';

/** A form rule for an amount typed in yuan: above zero (as `parseYuan` reads it), else `message`. */
export const positiveYuan = (message: string) => ({
  validator: (_: unknown, value: string | undefined) =>
    (parseYuan(value ?? '') ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error(message)),
});
