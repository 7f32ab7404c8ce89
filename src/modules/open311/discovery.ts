import type { Lang } from '../../server/http/errors.ts';
import { list, type Value } from './format.ts';

const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/** When this endpoint's description last changed (the spec's sortable changeset). */
const CHANGESET = '2026-11-22T00:00:00+08:00';

/** The discovery document: one GeoReport v2 endpoint, XML and JSON, and how to get a key. */
export function discovery(baseUrl: string, lang: Lang): Value {
  const en = lang === 'en';
  return {
    changeset: CHANGESET,
    contact: en
      ? 'Linshe 邻舍: contact the residents’ self-governance station (自治站) whose requests you handle.'
      : '邻舍：请联系您对接的小区居民自治服务站（自治站）。',
    key_service: en
      ? 'Each station issues its own client keys (Linshe → Open311 对接, station admins). The key comes with the ' +
        "station's jurisdiction_id, linshe-s<station id>, which every call needs when this install serves " +
        'more than one station (a POST may leave it out: the key names its station).'
      : '每个自治站自行签发客户端密钥（邻舍 →「Open311 对接」，由自治站管理员操作），并告知其 jurisdiction_id（linshe-s<自治站编号>）。' +
        '本系统服务多个自治站时，各接口均须提供 jurisdiction_id（POST 可省略：密钥已表明所属自治站）。',
    endpoints: list('endpoint', [
      {
        specification: SPECIFICATION,
        url: `${baseUrl}/open311/v2`,
        changeset: CHANGESET,
        type: 'production',
        formats: list('format', ['text/xml', 'application/json']),
      },
    ]),
  };
}
