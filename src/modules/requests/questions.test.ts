import { describe, expect, it } from 'vitest';
import { checkAnswers, type Question, questionsOf } from './questions.ts';

const QUESTIONS: Question[] = [
  { code: 'floor', label: '几楼', datatype: 'number', required: true },
  { code: 'seen', label: '发现时间', datatype: 'datetime', required: false },
  { code: 'where', label: '位置', datatype: 'string', required: false },
  { code: 'more', label: '补充', datatype: 'text', required: false },
  {
    code: 'kinds',
    label: '设施',
    datatype: 'multivaluelist',
    required: false,
    values: [
      { key: 'light', name: '灯' },
      { key: 'door', name: '门' },
    ],
  },
  {
    code: 'urgency',
    label: '紧急程度',
    datatype: 'singlevaluelist',
    required: true,
    values: [{ key: 'high', name: '紧急' }],
  },
];
const paths = (given: Record<string, string | string[]>) =>
  checkAnswers(QUESTIONS, given).errors.map((e) => e.path);

describe('category questions', () => {
  it('keep well-formed answers, numbers as numbers, datetimes in UTC, lists without repeats', () => {
    expect(
      checkAnswers(QUESTIONS, {
        floor: ' 3 ',
        seen: '2026-05-01T09:30:00+08:00',
        where: '楼道',
        more: '第一行\n第二行',
        kinds: ['light', 'door', 'light'],
        urgency: 'high',
      }),
    ).toEqual({
      answers: {
        floor: 3,
        seen: '2026-05-01T01:30:00.000Z',
        where: '楼道',
        more: '第一行\n第二行',
        kinds: ['light', 'door'],
        urgency: 'high',
      },
      errors: [],
    });
    expect(checkAnswers(QUESTIONS, { floor: '2', urgency: 'high', seen: '2026-05-01' }).answers.seen).toBe(
      '2026-04-30T16:00:00.000Z',
    );
  });

  it('name every problem: missing, not a number, not a date, not listed, several values, unknown code', () => {
    expect(paths({})).toEqual(['attribute[floor]', 'attribute[urgency]']);
    expect(paths({ floor: '', urgency: ' ' })).toEqual(['attribute[floor]', 'attribute[urgency]']);
    expect(paths({ floor: 'three', urgency: 'high' })).toEqual(['attribute[floor]']);
    expect(paths({ floor: 'Infinity', urgency: 'high' })).toEqual(['attribute[floor]']);
    expect(paths({ floor: '1', urgency: 'high', seen: 'yesterday' })).toEqual(['attribute[seen]']);
    expect(paths({ floor: '1', urgency: 'low' })).toEqual(['attribute[urgency]']);
    expect(paths({ floor: ['1', '2'], urgency: 'high' })).toEqual(['attribute[floor]']);
    expect(paths({ floor: '1', urgency: 'high', kinds: ['light', 'roof'] })).toEqual(['attribute[kinds]']);
    expect(paths({ floor: '1', urgency: 'high', where: 'a\nb' })).toEqual(['attribute[where]']);
    expect(paths({ floor: '1', urgency: 'high', colour: 'red' })).toEqual(['attribute[colour]']);
  });

  it('read a malformed stored set as no questions', () => {
    expect(questionsOf([{ code: 'x' }])).toEqual([]);
    expect(questionsOf(null)).toEqual([]);
    expect(questionsOf([{ code: 'x', label: 'X', datatype: 'text' }])).toEqual([
      { code: 'x', label: 'X', datatype: 'text', required: false },
    ]);
  });
});
