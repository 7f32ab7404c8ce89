/**
 * Chinese names of request statuses and rating levels: the server writes them into notifications,
 * errors and timelines, the web app shows them (zh-CN resources). One list for both.
 */
export const REQUEST_STATUS_ZH = {
  submitted: '已提交',
  accepted: '已受理',
  assigned: '已分派',
  inProgress: '处理中',
  resolved: '已解决',
  closed: '已办结',
  rejected: '不予受理',
  duplicate: '重复诉求',
  withdrawn: '已撤回',
};

/** The 5-level satisfaction scale, best first. */
export const RATING_LEVEL_ZH = {
  '5': '非常满意',
  '4': '满意',
  '3': '基本满意',
  '2': '不满意',
  '1': '非常不满意',
};
