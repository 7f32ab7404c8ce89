import { z } from 'zod';

/**
 * n / d as an exact fraction, with its percentage rounded half up to one decimal (null when d is 0).
 * The one copy for every figure set (requests, stations' setup and field work).
 */
export function rate(numerator: number, denominator: number) {
  return {
    numerator,
    denominator,
    percent: denominator === 0 ? null : Math.round((numerator * 1000) / denominator) / 10,
  };
}

/** The shape `rate` returns, for the figure sets' schemas. */
export const ZRate = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  percent: z.number().nullable(),
});
