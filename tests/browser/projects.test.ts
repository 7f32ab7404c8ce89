import { describe, expect, it } from 'vitest';
import {
  balanceOf,
  decidedTopicAndMeeting,
  fillExpense,
  jpeg,
  moveProject,
  recordInspection,
} from './fund-support.ts';
import {
  accessible,
  chinaDay,
  choose,
  DESKTOP,
  expectLargeTargets,
  expectNoOverflow,
  login,
  newPage,
  PHONE,
  SOCIAL_WORKER,
  useLargeMode,
  withBrowser,
} from './support.ts';

withBrowser();

const CHAIR = '13800000003'; // 王建国, 理事长 of 南江绿苑
const SECRETARY = '13800000015'; // 秘书长许静
const SUPERVISOR = '13800000004'; // 李秀英, 理事 (the supervision group)
const RESIDENT = '13800000010'; // 林阿姨, verified resident of 南江绿苑 1幢1单元101
const STATION = 1; // 南江绿苑小区自治站
const TOPIC = '儿童游乐区改造（项目测试）';
const TITLE = '儿童游乐区改造工程（项目测试）';
const MEETING = '理事会月度会议（项目测试）';

let projectUrl = '';

describe('self-governance projects 自治项目', () => {
  it('the chair opens a project from a decided topic and submits it for approval', async () => {
    const chair = await newPage(DESKTOP);
    await login(chair, CHAIR);
    // Money enough whatever other tests spent, a decided topic and a council meeting that was held.
    const topicId = await decidedTopicAndMeeting(chair, {
      stationId: STATION,
      topic: TOPIC,
      body: '滑梯老化开裂，地面坑洼，居民议事会同意改造。',
      meeting: MEETING,
      minutes: '同意儿童游乐区改造预算 25,000 元。',
      memo: '儿童游乐区改造专项经费（项目测试）',
    });

    await chair.goto(`/projects/new?station=${STATION}&topic=${topicId}`);
    await chair.getByRole('heading', { level: 1, name: '新建自治项目' }).waitFor();
    await expect.poll(() => chair.getByLabel('项目名称').inputValue()).toBe(TOPIC);
    await chair.getByLabel('项目名称').fill(TITLE);
    await choose(chair, '监督小组', '李秀英', '李秀英');
    await chair.keyboard.press('Escape');
    await chair.getByLabel('合作方（如第三方运营单位）').click();
    await chair.keyboard.type('绿苑游乐设施公司');
    await chair.keyboard.press('Enter');
    await chair.keyboard.press('Escape');
    await chair.getByLabel('科目 1', { exact: true }).fill('游乐设施');
    await chair.getByLabel('科目 1 金额（元）').fill('15000');
    await chair.getByRole('button', { name: '添加预算科目' }).click();
    await chair.getByLabel('科目 2', { exact: true }).fill('塑胶地面');
    await chair.getByLabel('科目 2 金额（元）').fill('10000');
    await chair.getByRole('button', { name: '添加节点' }).click();
    await chair.getByLabel('节点 1', { exact: true }).fill('设施安装');
    await chair.getByLabel('节点 1 计划日期').fill(chinaDay(0));
    await accessible(chair, 'new project');
    await chair.getByRole('button', { name: '保存申请' }).click();
    await chair.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    projectUrl = new URL(chair.url()).pathname;
    await chair.getByText('李秀英').first().waitFor();
    await chair.getByRole('link', { name: `议题：${TOPIC}` }).waitFor();
    await moveProject(chair, '提交审批', '审批中');
    await chair.getByText('项目预算').first().waitFor();
    // The requester does not decide any level of it.
    expect(await chair.getByRole('button', { name: '记录审批' }).count()).toBe(0);
    await accessible(chair, 'project in approval');
  });

  it('the secretary-general approves for the chair and records the council meeting; the social worker approves for the community', async () => {
    expect(projectUrl).not.toBe('');
    const secretary = await newPage(DESKTOP);
    await login(secretary, SECRETARY);
    await secretary.goto(projectUrl);
    await secretary.getByRole('heading', { name: '审批：理事长审批' }).waitFor();
    await secretary.getByRole('button', { name: '记录审批' }).click();
    await secretary.getByRole('heading', { name: '审批：理事会会议决定' }).waitFor();
    await choose(secretary, '作出决定的理事会会议', MEETING);
    await secretary.getByLabel('意见说明').fill('经理事会月度会议讨论通过');
    await accessible(secretary, 'council decision');
    await secretary.getByRole('button', { name: '记录审批' }).click();
    await secretary.getByText(MEETING).first().waitFor();
    await expect.poll(() => secretary.getByRole('button', { name: '记录审批' }).count()).toBe(0);

    const social = await newPage(DESKTOP);
    await login(social, SOCIAL_WORKER);
    const before = (await balanceOf(social, STATION, '自治基金'))!;
    await social.goto(projectUrl);
    await social.getByRole('heading', { name: '审批：社区审批' }).waitFor();
    await social.getByRole('button', { name: '记录审批' }).click();
    await social.locator('.page-title .ant-tag').getByText('实施中', { exact: true }).waitFor();
    // The budget left the general fund for the project's own account.
    expect(await balanceOf(social, STATION, '自治基金')).toBe(before - 2_500_000);
  });

  it('the chair records expenses with a receipt and the after photos; the supervisor inspects', async () => {
    const chair = await newPage(DESKTOP);
    await login(chair, CHAIR);
    await chair.goto(projectUrl);
    await chair.locator('.page-title .ant-tag').getByText('实施中', { exact: true }).waitFor();
    const expense = (line: string, amount: string, memo: string) =>
      fillExpense(chair, { line, amount, payee: '绿苑游乐设施公司', memo, receipt: '发票.jpg' });
    // Beyond the line: refused, with the words to say why.
    const over = await expense('游乐设施', '16000', '设施款');
    await over.getByRole('button', { name: '登记' }).click();
    await over.getByText(/超出 1,000\.00 元.*超预算申请/).waitFor();
    await over.getByRole('button', { name: '取消' }).click();
    await over.waitFor({ state: 'hidden' });
    const first = await expense('游乐设施', '12000', '设施款');
    await accessible(chair, 'expense with a receipt');
    await first.getByRole('button', { name: '登记' }).click();
    await first.waitFor({ state: 'hidden' });
    const second = await expense('塑胶地面', '9500', '地面铺设款');
    await second.getByRole('button', { name: '登记' }).click();
    await second.waitFor({ state: 'hidden' });
    const expenses = chair.getByRole('region', { name: '支出与票据' });
    await expenses.getByText('12,000.00 元').waitFor();
    await expenses.getByRole('link', { name: '发票.jpg' }).first().waitFor();

    await chair.getByRole('button', { name: '写进展' }).click();
    const update = chair.getByRole('dialog', { name: '写进展' });
    await update.getByText('改造后', { exact: true }).click();
    await update.getByLabel('说明').fill('新滑梯和塑胶地面已完工');
    await update
      .getByLabel('照片')
      .setInputFiles({ name: '完工.jpg', mimeType: 'image/jpeg', buffer: await jpeg('#c9a25a') });
    await update.getByRole('button', { name: '提交' }).click();
    await update.waitFor({ state: 'hidden' });
    await chair.getByRole('img', { name: '改造后照片 1' }).waitFor();
    await chair.getByRole('button', { name: '将“设施安装”标记为完成' }).click();
    await chair.getByText(`${chinaDay(0)} 完成`).waitFor();

    const supervisor = await newPage(DESKTOP);
    await login(supervisor, SUPERVISOR);
    await supervisor.goto(projectUrl);
    await recordInspection(supervisor, '滑梯安装牢固，地面平整无积水');
    await accessible(supervisor, 'inspection recorded');
    // The chair may not inspect: he leads it.
    await chair.reload();
    await chair.getByText('滑梯安装牢固，地面平整无积水').waitFor();
    expect(await chair.getByRole('button', { name: '记录检查' }).count()).toBe(0);
    await moveProject(chair, '申请居民验收', '居民验收');
  });

  it('林阿姨 accepts the work on her phone, also in large mode', async () => {
    const resident = await newPage(PHONE);
    await login(resident, RESIDENT);
    await resident.getByRole('link', { name: TITLE }).click();
    await resident.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await resident.getByRole('heading', { name: '请您验收' }).waitFor();
    await resident.getByRole('img', { name: '改造后照片 1' }).first().waitFor();
    await accessible(resident, 'acceptance on a phone');
    await expectNoOverflow(resident);
    await resident.getByRole('button', { name: '提交验收意见' }).click();
    await resident.getByText('您的意见：同意验收').waitFor();
    await resident.getByText('同意 1 人，不同意 0 人。').waitFor();

    await useLargeMode(resident);
    await resident.getByText('您的意见：同意验收').waitFor();
    await expectLargeTargets(resident, 'main button, main a, nav a, main .ant-radio-button-wrapper');
    await accessible(resident, 'acceptance in large mode');
    await expectNoOverflow(resident);
  });

  it('the chair settles: each line’s leftover goes back to the general fund; 林阿姨 reads the disclosure', async () => {
    const chair = await newPage(DESKTOP);
    await login(chair, CHAIR);
    await chair.goto(projectUrl);
    await chair.getByText('同意 1 人，不同意 0 人。').waitFor();
    await moveProject(chair, '验收通过，进入结算', '结算');
    const before = (await balanceOf(chair, STATION, '自治基金'))!;
    await moveProject(chair, '结算并公示', '公示');
    // 15,000 − 12,000 and 10,000 − 9,500: 3,500 yuan back, to the fen.
    expect(await balanceOf(chair, STATION, '自治基金')).toBe(before + 350_000);
    await chair.getByText(/各科目结余已退回资金来源账户/).waitFor();
    await accessible(chair, 'project disclosed');

    const resident = await newPage(PHONE);
    await login(resident, RESIDENT);
    await resident.goto(projectUrl);
    await resident.getByRole('heading', { name: '结算公示' }).waitFor();
    await resident.getByText(`公示期至 ${chinaDay(7)}，期内可以提出异议。`).waitFor();
    await resident.getByText('3,500.00 元').first().waitFor();
    await resident.getByRole('link', { name: '发票.jpg' }).first().waitFor();
    await accessible(resident, 'disclosure on a phone');
    await expectNoOverflow(resident);
  });
});
