import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  balanceOf,
  decidedTopicAndMeeting,
  fillExpense,
  moveProject,
  recordInspection,
  takePayment,
} from './fund-support.ts';
import {
  accessible,
  apiCall,
  chinaDay,
  choose,
  DESKTOP,
  expectNoOverflow,
  login,
  newPage,
  openPage,
  PHONE,
  SOCIAL_WORKER,
  withBrowser,
} from './support.ts';

withBrowser();

// Issue 6's whole journey on the demo station 南江绿苑 (station 1): a decided topic becomes a project funded
// by the general fund and by a crowdfunding drive over two buildings; the budget is approved up to the
// community; money is spent with receipts, inspected, accepted by a resident, settled, and shown in public.
const STATION = 1;
const CHAIR = '13800000003'; // 王建国, 理事长
const SECRETARY = '13800000015'; // 许静, 秘书长
const LEADER = '13800000005'; // 张海波, 楼组长 of 1幢
const SUPERVISOR = '13800000004'; // 李秀英, 理事: the supervision group
const RESIDENT = '13800000010'; // 林阿姨, 1幢1单元101
const TOPIC = '楼道加装扶手（全流程测试）';
const TITLE = '楼道加装扶手工程（全流程测试）';
const DRIVE = '楼道扶手众筹（全流程测试）';
const MEETING = '理事会扶手专题会议（全流程测试）';

let topicId = 0;
let projectUrl = '';

describe('the fund’s whole journey: topic → crowdfunding → project → approvals → spending → acceptance → settlement → public', () => {
  it('a crowdfunding drive collects from 1幢 (the building leader’s cash) and 2幢 (the desk)', async () => {
    const chair = await newPage(DESKTOP);
    await login(chair, CHAIR);
    topicId = await decidedTopicAndMeeting(chair, {
      stationId: STATION,
      topic: TOPIC,
      body: '老人上下楼没有扶手，居民议事会同意加装，费用由自治基金和居民众筹共同承担。',
      meeting: MEETING,
      minutes: '同意楼道加装扶手预算。',
      memo: '老旧小区适老化改造补助（全流程测试）',
    });

    // The chair opens the drive for 1幢 and 2幢.
    await openPage(chair, '众筹');
    await chair.getByRole('button', { name: '发起众筹' }).click();
    const create = chair.getByRole('dialog', { name: '发起众筹' });
    await create.getByLabel('众筹名称').fill(DRIVE);
    await create.getByLabel('用途').fill('1幢、2幢楼道加装扶手，居民自愿出资');
    await create.getByLabel('目标金额（元）').fill('2000');
    await create.getByLabel('每户建议金额（元）').fill('100');
    const buildings = create.getByLabel('面向楼幢');
    for (const name of ['1幢', '2幢']) {
      await buildings.fill(name);
      await chair
        .locator('.ant-select-item-option')
        .filter({ hasText: new RegExp(`^南江绿苑 ${name}$`) })
        .click();
    }
    await create.getByLabel('众筹名称').click();
    await create.getByRole('button', { name: '发起' }).click();
    await chair.getByRole('heading', { level: 1, name: DRIVE }).waitFor();
    const driveUrl = new URL(chair.url()).pathname;

    // 张海波 collects cash door to door in 1幢 on his phone.
    const leader = await newPage(PHONE);
    await login(leader, LEADER);
    await leader.goto(driveUrl);
    await leader.getByRole('heading', { level: 1, name: DRIVE }).waitFor();
    await takePayment(leader, '1幢1单元102', '王建军');
    await leader.getByText('张海波 手中有 1 笔现金，共 100.00 元').waitFor();
    await accessible(leader, 'cash taken on a phone');
    await expectNoOverflow(leader);

    // The secretary-general confirms the hand-over and takes a 2幢 household's payment at the desk.
    const secretary = await newPage(DESKTOP);
    await login(secretary, SECRETARY);
    await secretary.goto(driveUrl);
    await secretary.getByRole('button', { name: '确认收到 张海波 上交的现金' }).click();
    const confirm = secretary.getByRole('dialog').filter({ hasText: '确认收到现金' });
    await confirm.getByRole('button', { name: '确定' }).click();
    await secretary.getByText('没有待上交的现金').waitFor();
    await takePayment(secretary, '2幢1单元102', '赵六', { method: '值班台收款' });
    await secretary.getByText('已筹 200.00 元 / 目标 2,000.00 元').waitFor();
    await accessible(secretary, 'drive collected');
    expect(await balanceOf(secretary, STATION, `众筹：${DRIVE}`)).toBe(20_000);
  });

  it('the chair opens the project from the decided topic, funded by the general fund and the drive', async () => {
    const chair = await newPage(DESKTOP);
    await login(chair, CHAIR);
    await chair.goto(`/topics/${topicId}`);
    await chair.getByRole('link', { name: '立项：新建自治项目' }).click();
    await chair.getByRole('heading', { level: 1, name: '新建自治项目' }).waitFor();
    await expect.poll(() => chair.getByLabel('项目名称').inputValue()).toBe(TOPIC);
    await chair.getByLabel('项目名称').fill(TITLE);
    await choose(chair, '监督小组', '李秀英', '李秀英');
    await chair.keyboard.press('Escape');
    await chair.getByLabel('科目 1', { exact: true }).fill('扶手材料与安装');
    await chair.getByLabel('科目 1 金额（元）').fill('25000');
    await chair.getByRole('button', { name: '添加预算科目' }).click();
    await chair.getByLabel('科目 2', { exact: true }).fill('居民众筹部分');
    await chair.getByLabel('科目 2 金额（元）').fill('200');
    await choose(chair, '科目 2 资金来源', `众筹：${DRIVE}`);
    await accessible(chair, 'new project with two sources');
    await chair.getByRole('button', { name: '保存申请' }).click();
    await chair.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    projectUrl = new URL(chair.url()).pathname;
    // The topic now names the project it became.
    const topic = await apiCall<{ outcomeId: number | null }>(chair, 'GET', `/topics/${topicId}`);
    expect(`/projects/${topic.outcomeId}`).toBe(projectUrl);
    // 25,200 yuan: above the council's 20,000, so the chair, a council meeting and the community approve.
    await moveProject(chair, '提交审批', '审批中');
    expect(await chair.getByRole('button', { name: '记录审批' }).count()).toBe(0);
  });

  it('the secretary-general approves for the chair and the council; the community officer approves the budget', async () => {
    const secretary = await newPage(DESKTOP);
    await login(secretary, SECRETARY);
    await secretary.goto(projectUrl);
    await secretary.getByRole('heading', { name: '审批：理事长审批' }).waitFor();
    await secretary.getByRole('button', { name: '记录审批' }).click();
    await secretary.getByRole('heading', { name: '审批：理事会会议决定' }).waitFor();
    await choose(secretary, '作出决定的理事会会议', MEETING);
    await secretary.getByRole('button', { name: '记录审批' }).click();
    await expect.poll(() => secretary.getByRole('button', { name: '记录审批' }).count()).toBe(0);

    const community = await newPage(DESKTOP);
    await login(community, SOCIAL_WORKER);
    const general = await balanceOf(community, STATION, '自治基金');
    await community.goto(projectUrl);
    await community.getByRole('heading', { name: '审批：社区审批' }).waitFor();
    await accessible(community, 'community approval');
    await community.getByRole('button', { name: '记录审批' }).click();
    await community.locator('.page-title .ant-tag').getByText('实施中', { exact: true }).waitFor();
    // Each line's money left its own source: 25,000 from the general fund, the drive's 200 from the drive.
    expect(await balanceOf(community, STATION, '自治基金')).toBe(general! - 2_500_000);
    expect(await balanceOf(community, STATION, `众筹：${DRIVE}`)).toBe(0);
  });

  it('the chair posts expenses with receipts; the supervision group inspects; 林阿姨 accepts on her phone', async () => {
    const chair = await newPage(DESKTOP);
    await login(chair, CHAIR);
    await chair.goto(projectUrl);
    for (const [line, amount, memo] of [
      ['扶手材料与安装', '24000', '不锈钢扶手及安装'],
      ['居民众筹部分', '150', '扶手端头防撞套'],
    ] as const) {
      const dialog = await fillExpense(chair, {
        line,
        amount,
        payee: '宁波安居五金工程部',
        memo,
        receipt: `发票-${amount}.jpg`,
      });
      await dialog.getByRole('button', { name: '登记' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    const expenses = chair.getByRole('region', { name: '支出与票据' });
    await expenses.getByRole('link', { name: '发票-24000.jpg' }).waitFor();
    await expenses.getByRole('link', { name: '发票-150.jpg' }).waitFor();
    await accessible(chair, 'expenses with receipts');

    const supervisor = await newPage(DESKTOP);
    await login(supervisor, SUPERVISOR);
    await supervisor.goto(projectUrl);
    await recordInspection(supervisor, '扶手安装牢固，高度符合要求');

    await chair.reload();
    await moveProject(chair, '申请居民验收', '居民验收');

    const resident = await newPage(PHONE);
    await login(resident, RESIDENT);
    await resident.getByRole('link', { name: TITLE }).click();
    await resident.getByRole('heading', { name: '请您验收' }).waitFor();
    await resident.getByRole('button', { name: '提交验收意见' }).click();
    await resident.getByText('您的意见：同意验收').waitFor();
    await accessible(resident, 'accepted on a phone');
    await expectNoOverflow(resident);
  });

  it('settlement returns each line’s leftover to its source; the public page and the Excel export show it all', async () => {
    const chair = await newPage(DESKTOP);
    await login(chair, CHAIR);
    await chair.goto(projectUrl);
    await moveProject(chair, '验收通过，进入结算', '结算');
    const general = await balanceOf(chair, STATION, '自治基金');
    await moveProject(chair, '结算并公示', '公示');
    // 25,000 − 24,000 back to the general fund; 200 − 150 back to the drive, to the fen.
    expect(await balanceOf(chair, STATION, '自治基金')).toBe(general! + 100_000);
    expect(await balanceOf(chair, STATION, `众筹：${DRIVE}`)).toBe(5_000);

    // The public page, on a phone, without signing in.
    const visitor = await newPage(PHONE);
    await visitor.goto(`/public/fund/${STATION}`);
    await visitor.getByRole('heading', { level: 1, name: /南江绿苑.*自治基金公示/ }).waitFor();
    const projects = visitor.getByRole('region', { name: '项目支出' });
    const row = projects.getByRole('row').filter({ hasText: TITLE });
    await row.getByText('25,200.00 元').waitFor();
    await row.getByText('24,150.00 元').waitFor();
    await visitor
      .getByRole('region', { name: '累计收入（按来源）' })
      .getByRole('row')
      .filter({ hasText: '居民众筹' })
      .waitFor();
    const text = (await visitor.locator('main').textContent()) ?? '';
    for (const name of ['王建军', '赵六', '林阿姨']) expect(text).not.toContain(name);
    await accessible(visitor, 'public page');
    await expectNoOverflow(visitor);

    // This month's statement as Excel: the project's spending and the drive's income are in it.
    const month = chinaDay(0).slice(0, 7);
    const xlsx = await visitor.request.fetch(
      `/api/v1/public/stations/${STATION}/fund/statements/${month}.xlsx`,
    );
    expect(xlsx.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const values = (sheet: string) => {
      const rows: unknown[][] = [];
      book.getWorksheet(sheet)!.eachRow((row) => {
        rows.push((row.values as unknown[]).slice(1));
      });
      return rows;
    };
    const spent = values('支出').find((r) => r[0] === TITLE);
    expect(spent?.slice(1, 3)).toEqual(['24,150.00', 2_415_000]);
    expect(values('收入').some((r) => r[0] === '居民众筹')).toBe(true);
    const all = JSON.stringify(['汇总', '收入', '支出', '分录'].map(values));
    for (const name of ['王建军', '赵六']) expect(all).not.toContain(name);
  });
});
