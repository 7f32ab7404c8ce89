import { describe, expect, it } from 'vitest';
import { publicWords } from './disclosure-text.ts';

describe('what a public statement shows of a posting', () => {
  it('leaves out who gave and the memo of money from people', () => {
    expect(publicWords({ source: 'donation', counterparty: '张三丰', memo: '张三丰捐赠' })).toEqual({
      counterparty: null,
      memo: '个人捐赠',
    });
    expect(
      publicWords({ source: 'crowdfunding', counterparty: '王建国（入户收款）', memo: '3幢1单元 李** 出资' }),
    ).toEqual({ counterparty: null, memo: '居民众筹' });
  });

  it('keeps the memo but not the counterparty of other income', () => {
    expect(publicWords({ source: 'other', counterparty: '李四', memo: '废品回收款' })).toEqual({
      counterparty: null,
      memo: '废品回收款',
    });
  });

  it('shows organisations and suppliers as written', () => {
    expect(publicWords({ source: 'street', counterparty: '石碶街道办事处', memo: '运行经费' })).toEqual({
      counterparty: '石碶街道办事处',
      memo: '运行经费',
    });
    expect(publicWords({ source: null, counterparty: '宁波绿景园艺', memo: '补种' })).toEqual({
      counterparty: '宁波绿景园艺',
      memo: '补种',
    });
    expect(publicWords({ source: null, counterparty: '', memo: '转入专项账户' }).counterparty).toBeNull();
  });
});
