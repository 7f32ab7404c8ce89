/**
 * Chinese names of request statuses: the server writes them into notifications and errors, the web
 * app shows them (zh-CN resources). One list for both.
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
