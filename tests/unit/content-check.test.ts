import { refusedPhrase, wordListChecker } from '../../cloudfunctions/core/content';

/** What residents, above all older ones, actually ask their community for. None of it may be refused. */
const ORDINARY_REQUESTS = [
  '希望社区办一次防诈骗讲座',
  '老年人防诈骗知识讲座能不能每季度办一次',
  '建议请派出所民警来讲讲电信诈骗的常见手法',
  '警惕刷单返利，希望社区多宣传',
  '小区里有人聚众赌博，希望物业管一管',
  '楼下棋牌室晚上赌博声音太大，影响休息',
  '希望社区开展禁毒宣传，让孩子远离毒品',
  '建议在宣传栏张贴扫黄打非的宣传画',
  '3号楼电梯经常坏，希望尽快维修',
  '小区停车位太少，晚上车停满了消防通道',
  '希望在2号楼下安装电动车充电桩，防止飞线充电',
  '垃圾分类点气味太大，能不能挪远一点',
  '建议给独居老人安装燃气报警器',
  '希望社区食堂增加低盐低油的菜',
  '孩子放学后没人看，希望办四点半课堂',
  '广场舞音乐太响，希望约定结束时间',
  '楼道里堆放杂物，存在火灾隐患',
  '建议增设无障碍坡道，方便坐轮椅的邻居',
  '希望组织一次反洗钱和防范非法集资的宣传',
  '有人在小区里推销保健品骗老人的钱，请大家提防',
  '枪支管理法规进社区宣传活动报名',
  '路灯坏了好几盏，晚上走路看不清',
  '希望增加健身器材，原来的已经生锈了',
  '建议成立邻里互助小组，帮老人买菜',
  '小心信用卡套现骗局，社区能不能讲一讲',
];

/** Offers and solicitations the local list stands for. Each is refused, and the refusal names the phrase. */
const REFUSED: [string, string][] = [
  ['代开发票，联系我', '代开发票'],
  ['专业办理假证，价格优惠', '办理假证'],
  ['网赌平台日结，稳赚不赔', '网赌平台'],
  ['高价出售枪支', '出售枪支'],
  ['刷单返利，日入三百', '刷单返利'],
  ['提供色情服务', '色情服务'],
  ['小区防盗门坏了。另：信用卡套现找我', '信用卡套现'],
];

describe('the local content check (the word list)', () => {
  test.each(ORDINARY_REQUESTS)('an ordinary community request passes: %s', async (text) => {
    expect(refusedPhrase(text)).toBeNull();
    expect(await wordListChecker()(text, { openid: 'o_1', scene: 2 })).toBe(true);
  });

  test('the civic set is large enough to mean something', () => {
    expect(ORDINARY_REQUESTS.length).toBeGreaterThanOrEqual(20);
  });

  test.each(REFUSED)('an offer of something unlawful is refused, naming the phrase: %s', async (text, phrase) => {
    expect(refusedPhrase(text)).toBe(phrase);
    expect(await wordListChecker()(text, { openid: 'o_1', scene: 2 })).toEqual({ refused: phrase });
  });

  test('a warning word helps only within its own clause', () => {
    expect(refusedPhrase('警惕诈骗。刷单返利，加我')).toBe('刷单返利');
    expect(refusedPhrase('警惕刷单返利')).toBeNull();
  });
});
