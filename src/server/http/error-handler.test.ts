import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { text, ZPhone } from '../../shared/limits.ts';
import { fieldErrors } from './error-handler.ts';

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  return result.error.issues;
};

describe('field errors are told in the caller’s language', () => {
  it('a schema’s own bilingual message gives one side', () => {
    const phone = issuesOf(z.object({ phone: ZPhone }), { phone: '123' });
    expect(fieldErrors(phone, 'zh-CN', 'body')).toEqual([
      { path: 'body.phone', message: '请输入 11 位手机号' },
    ]);
    expect(fieldErrors(phone, 'en', 'body')).toEqual([
      { path: 'body.phone', message: 'Enter an 11-digit mobile number' },
    ]);
    const nul = issuesOf(text(20), 'a\0b');
    expect(fieldErrors(nul, 'zh-CN').map((e) => e.message)).toEqual(['含有无效字符']);
    expect(fieldErrors(nul, 'en').map((e) => e.message)).toEqual(['contains an invalid character']);
  });

  it('zod’s own messages come from its locales', () => {
    const short = issuesOf(z.object({ n: z.number() }), { n: 'x' });
    expect(fieldErrors(short, 'zh-CN')[0]!.message).toMatch(/[\p{Script=Han}]/u);
    expect(fieldErrors(short, 'en')[0]!.message).toMatch(/^Invalid input/);
  });
});
