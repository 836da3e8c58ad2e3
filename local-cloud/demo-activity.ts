/**
 * The demo street's activity on first start: one consultation standing at each of the six steps, with opinions
 * and 附议, so every role opens the app onto something. Everything goes through the real actions, as the people
 * named would do it, on a clock moved along as the days would pass: the records, audit entries, notices and inbox
 * messages are the ones the app itself makes, and no rule is skipped. Given the same `now`, the same story.
 */
import type { ConsultationView, OpinionCategory, OpinionView } from '@shared/contract';
import type { Envelope } from '@shared/errors';
import { DAY_MS, startOfShanghaiDay } from '@shared/time';
import { FUNCTIONS } from '../cloudfunctions/modules';
import type { Store } from '../cloudfunctions/core/store/port';
import { localRuntime, type LocalContext } from './runtime';
import { DEMO_ROOMS } from './seed-rooms';

const HOUR_MS = 3600_000;
const MINUTE_MS = 60_000;
const XFL = 'c_xingfuli';
const HOST = 'demo-host';
const STAFF = 'demo-staff';
const [ZHANG, LIU, CHEN, ZHAO] = ['demo-resident-1', 'demo-resident-2', 'demo-resident-3', 'demo-resident-4'];

export type Call = <T>(openid: string, fn: string, action: string, data: Record<string, unknown>) => Promise<T>;

interface Opinion {
  by: string;
  title: string;
  description: string;
  category: OpinionCategory;
  supporters: string[];
}

/** A consultation's story up to the step it is left at. Times are offsets from when it was started. */
interface Story {
  step: 1 | 2 | 3 | 4 | 5 | 6;
  /** How long before now it was started. */
  startedAgo: number;
  theme: string;
  opinions: Opinion[];
  topic: { title: string; background: string; question: string; reason: string };
  plan: { place: string; options: string[]; agenda: string[] };
  /** Who signs up (step 4 on), who checks in and how they vote (step 5 on). */
  signUps: string[];
  votes: [string, number][];
  points: [string, string][];
  minutes: string;
  report: { responsible: string; milestone: string; progress: string };
}

const DAYS_TO_MEETING = 4;

const STORIES: Story[] = [
  {
    step: 1,
    startedAgo: 2 * DAY_MS,
    theme: '楼道堆物清理和消防通道',
    opinions: [
      { by: ZHANG, title: '楼道里堆的旧家具太多', description: '1号楼二楼到四楼的楼道堆了旧沙发和纸箱，老人上下楼不方便，也有火灾隐患。', category: '环境卫生', supporters: [LIU, CHEN] },
      { by: ZHAO, title: '消防通道常被私家车占用', description: '6号楼东侧的消防通道晚上经常停满车，建议划线并安排巡查。', category: '停车交通', supporters: [ZHANG] },
    ],
    topic: { title: '', background: '', question: '', reason: '' },
    plan: { place: '', options: [], agenda: [] },
    signUps: [],
    votes: [],
    points: [],
    minutes: '',
    report: { responsible: '', milestone: '', progress: '' },
  },
  {
    step: 2,
    startedAgo: 6 * DAY_MS,
    theme: '小区垃圾分类投放点设置',
    opinions: [
      { by: CHEN, title: '投放点离5号楼太远', description: '5号楼的老人要走很远才能扔垃圾，希望在5号楼附近增设一个投放点。', category: '环境卫生', supporters: [ZHANG, ZHAO] },
      { by: LIU, title: '投放时间太短', description: '早上7点到9点的投放时间上班族赶不上，建议晚上也开放一段时间。', category: '环境卫生', supporters: [CHEN] },
    ],
    topic: { title: '', background: '', question: '', reason: '' },
    plan: { place: '', options: [], agenda: [] },
    signUps: [],
    votes: [],
    points: [],
    minutes: '',
    report: { responsible: '', milestone: '', progress: '' },
  },
  {
    step: 3,
    startedAgo: 8 * DAY_MS,
    theme: '老年助餐点的开放时间',
    opinions: [{ by: ZHANG, title: '助餐点中午开得太晚', description: '助餐点十一点半才开，很多老人十一点就饿了，希望提前半小时。', category: '养老托幼', supporters: [LIU, CHEN, ZHAO] }],
    topic: {
      title: '助餐点是否提前到11点开餐',
      background: '社区助餐点每天中午服务约80位老人，目前11:30开餐，不少老人反映等待时间长。',
      question: '助餐点午餐是否从11:30提前到11:00开始供应？',
      reason: '附议人数多，且与助餐点运营方初步沟通可行。',
    },
    plan: { place: '', options: [], agenda: [] },
    signUps: [],
    votes: [],
    points: [],
    minutes: '',
    report: { responsible: '', milestone: '', progress: '' },
  },
  {
    step: 4,
    startedAgo: 5 * DAY_MS,
    theme: '小区停车难怎么办',
    opinions: [{ by: LIU, title: '晚上车位不够', description: '晚上八点以后很难找到车位，建议与附近单位错峰共享车位。', category: '停车交通', supporters: [ZHANG, ZHAO] }],
    topic: {
      title: '是否与邻近单位共享夜间车位',
      background: '小区车位300个，登记车辆420辆；邻近的区图书馆夜间有60个空车位。',
      question: '是否与区图书馆签订夜间错峰停车协议？',
      reason: '附议最多，且图书馆已表示愿意商谈。',
    },
    plan: { place: '社区议事厅', options: ['同意签订', '暂不签订'], agenda: ['介绍背景和协议草案', '自由发言', '表决'] },
    signUps: [ZHANG, ZHAO],
    votes: [],
    points: [],
    minutes: '',
    report: { responsible: '', milestone: '', progress: '' },
  },
  {
    step: 5,
    // The meeting started half an hour ago: the vote is open, and 张阿姨 has checked in and not voted yet.
    startedAgo: DAYS_TO_MEETING * DAY_MS + 2 * DAY_MS + 30 * MINUTE_MS,
    theme: '楼顶晾晒区如何管理',
    opinions: [{ by: CHEN, title: '楼顶晾晒区被私人占用', description: '5号楼楼顶晾晒区有人拉了私人晾衣绳常年占着，其他居民没地方晒被子。', category: '邻里关系', supporters: [ZHANG, LIU] }],
    topic: {
      title: '楼顶晾晒区实行轮流使用',
      background: '5号楼楼顶晾晒区约40平方米，现被少数住户长期占用。',
      question: '是否拆除私人晾衣绳，改为公共晾衣架、按单元轮流使用？',
      reason: '涉及全楼住户，需要协商确定规则。',
    },
    plan: { place: '5号楼一层活动室', options: ['同意轮流使用', '维持现状'], agenda: ['说明现状', '听取各方意见', '表决'] },
    signUps: [ZHANG, LIU, CHEN],
    votes: [
      [LIU, 0],
      [CHEN, 0],
    ],
    points: [
      ['居民', '晒被子主要在冬天，希望轮流安排照顾老人优先。'],
      ['楼门长', '可以由楼门长负责登记和提醒。'],
    ],
    minutes: '',
    report: { responsible: '', milestone: '', progress: '' },
  },
  {
    step: 6,
    startedAgo: 20 * DAY_MS,
    theme: '小区健身器材更新',
    opinions: [
      { by: ZHAO, title: '健身器材老化有安全隐患', description: '中心花园的漫步机和扭腰器锈得厉害，有一台已经松动，担心老人受伤。', category: '设施维修', supporters: [ZHANG, LIU, CHEN] },
    ],
    topic: {
      title: '中心花园健身器材更新方案',
      background: '中心花园8件健身器材已使用12年，其中3件松动。',
      question: '是否用社区公益金更换3件老化器材，并增加适合老人的器材？',
      reason: '安全隐患明显，附议居民多。',
    },
    plan: { place: '社区议事厅', options: ['同意更换', '先维修再观察'], agenda: ['物业说明器材状况', '讨论更换方案', '表决'] },
    signUps: [ZHANG, LIU, ZHAO],
    votes: [
      [ZHANG, 0],
      [LIU, 0],
      [ZHAO, 1],
    ],
    points: [
      ['物业', '3件器材已无法修复，建议更换。'],
      ['居民', '希望增加适合老人的上肢训练器。'],
    ],
    minutes: '会议由王大姐主持，到会5人。经表决，同意用社区公益金更换3件老化器材，并增加1件适合老人的上肢训练器。物业负责在两周内拆除旧器材。',
    report: { responsible: '社区居委会 李书记、物业服务中心', milestone: '完成新器材安装', progress: '旧器材已拆除，新器材已下单，预计下周安装。' },
  },
];

/** Opinions dropped into the pool outside any consultation, waiting for a host to take them up. */
const POOL: Opinion[] = [
  { by: ZHANG, title: '希望社区办一次反诈讲座', description: '最近常有老人接到冒充公检法的电话，希望社区请民警来讲一讲怎么识别。', category: '文体活动', supporters: [LIU, CHEN, ZHAO] },
  { by: LIU, title: '2号楼单元门禁经常坏', description: '2号楼3单元的门禁这个月坏了三次，外人随便进出。', category: '设施维修', supporters: [ZHAO] },
];

/**
 * The real actions, called as a demo person on a clock the seed moves along (`at`): what the seed makes is what the
 * app itself would have made.
 */
export function demoActions(store: Store, start: number): { call: Call; at(t: number): void } {
  let clock = start;
  // The demo writes more in one minute of its clock than any person could; the limit is for people.
  const runtime = localRuntime(store, { now: () => clock, log: () => undefined, rateLimitPerMinute: 1_000_000 });
  const call: Call = async <T>(openid: string, fn: string, action: string, data: Record<string, unknown>) => {
    const context: LocalContext = { WX_OPENID: openid };
    const envelope = (await FUNCTIONS[fn](runtime, { action, data }, context)) as Envelope<T>;
    if (!envelope.ok) throw new Error(`demo seed: ${fn}.${action} as ${openid} refused: ${envelope.error.code} ${envelope.error.message}`);
    return envelope.data;
  };
  return { call, at: (t) => void (clock = t) };
}

export async function seedDemoActivity(store: Store, now: number): Promise<void> {
  const { call, at } = demoActions(store, now);
  for (const story of STORIES) await tellStory(call, at, now, story);
  at(now - 3 * HOUR_MS);
  for (const o of POOL) await dropOpinion(call, o, null);
}

async function dropOpinion(call: Call, o: Opinion, consultationId: string | null): Promise<OpinionView> {
  const opinion = await call<OpinionView>(o.by, 'consultation', 'submitOpinion', {
    communityId: XFL,
    ...(consultationId ? { consultationId } : {}),
    title: o.title,
    description: o.description,
    category: o.category,
  });
  for (const supporter of o.supporters) await call(supporter, 'consultation', 'support', { id: opinion.id });
  return opinion;
}

async function tellStory(call: Call, at: (t: number) => void, now: number, s: Story): Promise<void> {
  const start = now - s.startedAgo;
  at(start);
  const c = await call<ConsultationView>(HOST, 'consultation', 'create', { communityId: XFL, theme: s.theme, collectFrom: start, collectTo: start + 7 * DAY_MS });
  const id = c.id;
  at(start + HOUR_MS);
  const opinions = [];
  for (const o of s.opinions) opinions.push(await dropOpinion(call, o, id));
  if (s.step === 1) return;

  at(start + DAY_MS);
  await call(HOST, 'consultation', 'closeCollection', { id, reason: '意见已比较集中，可以确定议题了' });
  await call(HOST, 'consultation', 'advance', { id, fromStep: 1 });
  if (s.step === 2) return;

  at(start + DAY_MS + 2 * HOUR_MS);
  await call(HOST, 'consultation', 'saveTopic', {
    id,
    title: s.topic.title,
    background: s.topic.background,
    question: s.topic.question,
    adoptedOpinionIds: opinions.map((o) => o.id),
    adoptionReason: s.topic.reason,
  });
  await call(HOST, 'consultation', 'advance', { id, fromStep: 2 });
  if (s.step === 3) return;

  const announced = start + 2 * DAY_MS;
  const { meetingAt, room } = meetingTime(announced + DAYS_TO_MEETING * DAY_MS, s.step);
  at(announced);
  await call(HOST, 'consultation', 'savePlan', {
    id,
    plan: {
      meetingAt,
      place: room ? '居民议事厅' : s.plan.place,
      ...(room ? { roomId: DEMO_ROOMS.hall, meetingMinutes: 120 } : {}),
      invited: [{ role: '物业', count: 1 }],
      openSeats: 5,
      agenda: s.plan.agenda,
      rule: 'majority',
      quorum: 2,
      options: s.plan.options,
    },
  });
  await call(HOST, 'consultation', 'advance', { id, fromStep: 3 });
  await call(HOST, 'consultation', 'publishNotice', { id });
  at(announced + 3 * HOUR_MS);
  for (const who of s.signUps) await call(who, 'consultation', 'signUp', { id });
  if (s.step === 4) return;

  at(meetingAt - 10 * MINUTE_MS);
  await call(HOST, 'consultation', 'advance', { id, fromStep: 4 });
  const open = await call<ConsultationView>(HOST, 'consultation', 'openMeeting', { id });
  for (const who of s.signUps) await call(who, 'consultation', 'checkIn', { id, code: open.checkInCode });
  await call(HOST, 'consultation', 'markPresent', { id, guestName: '物业刘经理', role: '物业' });
  at(meetingAt + 10 * MINUTE_MS);
  for (const [role, summary] of s.points) await call(HOST, 'consultation', 'recordPoint', { id, speakerRole: role, summary });
  at(meetingAt + 20 * MINUTE_MS);
  await call(HOST, 'consultation', 'openVote', { id });
  for (const [who, choice] of s.votes) await call(who, 'consultation', 'vote', { id, choice });
  if (s.step === 5) return;

  at(meetingAt + 50 * MINUTE_MS);
  await call(HOST, 'consultation', 'closeVote', { id });
  await call(HOST, 'consultation', 'saveMinutes', { id, minutes: s.minutes });
  await call(HOST, 'consultation', 'advance', { id, fromStep: 5 });
  at(meetingAt + DAY_MS);
  await call(STAFF, 'consultation', 'publishReport', { id, responsible: s.report.responsible, milestones: [{ title: s.report.milestone, due: now + 7 * DAY_MS }] });
  at(now - DAY_MS);
  await call(HOST, 'consultation', 'addProgress', { id, text: s.report.progress });
}

/**
 * The meeting's time, on the 议事厅's half hours and inside its hours (08:00–21:00, two hours long), so the plan holds
 * the room through 活动室 and the room's grid shows the topic. Never later than asked, so the story's order holds.
 * The meeting under way now (step 5) keeps its time to the half hour and holds the room only when that fits.
 */
function meetingTime(asked: number, step: number): { meetingAt: number; room: boolean } {
  const halfHour = 30 * MINUTE_MS;
  const aligned = Math.floor(asked / halfHour) * halfHour;
  const day = startOfShanghaiDay(aligned);
  const minutes = (aligned - day) / MINUTE_MS;
  if (minutes >= 8 * 60 && minutes <= 19 * 60) return { meetingAt: aligned, room: true };
  if (step === 5) return { meetingAt: asked, room: false };
  return { meetingAt: minutes > 19 * 60 ? day + 19 * HOUR_MS : day - 5 * HOUR_MS, room: true };
}
