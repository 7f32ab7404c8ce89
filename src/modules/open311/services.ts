import type { DbOrTx } from '../../server/db/client.ts';
import { AppError, type Lang } from '../../server/http/errors.ts';
import { type Question, questionsOf, stationCategories } from '../requests/index.ts';
import { list, type Value } from './format.ts';
import type { Station } from './jurisdiction.ts';

/** GET services: the station's active request categories; `metadata` says whether they ask questions. */
export async function listServices(db: DbOrTx, station: Station): Promise<Value> {
  const rows = (await stationCategories(db, station.id)).filter((c) => c.active);
  return list(
    'service',
    rows.map((c) => ({
      service_code: c.code,
      service_name: c.name,
      description: c.description ?? null,
      metadata: questionsOf(c.questions).length > 0,
      type: 'realtime',
      keywords: null,
      group: null,
    })),
  );
}

const DATATYPE_HINTS: Partial<Record<Question['datatype'], { zh: string; en: string }>> = {
  number: { zh: '数字', en: 'A number' },
  datetime: {
    zh: 'ISO 8601 日期时间，如 2026-05-01T09:30:00+08:00',
    en: 'ISO 8601, e.g. 2026-05-01T09:30:00+08:00',
  },
  multivaluelist: { zh: '可选多项', en: 'Several values may be chosen' },
};

/** GET a service definition: the category's questions as attributes, in the order they are asked. */
export async function serviceDefinition(
  db: DbOrTx,
  station: Station,
  serviceCode: string,
  lang: Lang,
): Promise<Value> {
  const category = (await stationCategories(db, station.id)).find((c) => c.active && c.code === serviceCode);
  if (!category) {
    throw new AppError('NOT_FOUND', {
      detail: { zh: '该自治站没有这个 service_code', en: 'service_code not found in this jurisdiction' },
    });
  }
  return {
    service_code: category.code,
    attributes: list(
      'attribute',
      questionsOf(category.questions).map((q, i) => {
        const hint = DATATYPE_HINTS[q.datatype];
        return {
          variable: true,
          code: q.code,
          datatype: q.datatype,
          required: q.required,
          datatype_description: hint ? (lang === 'en' ? hint.en : hint.zh) : null,
          order: i + 1,
          description: q.label,
          ...(q.datatype === 'singlevaluelist' || q.datatype === 'multivaluelist'
            ? {
                values: list(
                  'value',
                  (q.values ?? []).map((v) => ({ key: v.key, name: v.name })),
                ),
              }
            : {}),
        };
      }),
    ),
  };
}
