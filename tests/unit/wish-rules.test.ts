import { award, awardId, balanceOf, leaderboard, monthOf, reversal } from '@shared/wish/ledger';
import {
  claimProblem,
  endOfDay,
  isOverdue,
  maskName,
  MOVES,
  moveProblem,
  openLimitProblem,
  PHONE_PATTERN,
  promiseProblem,
  wishProblem,
  WISH_STATUSES,
  type WishMove,
} from '@shared/wish/rules';
import { wishSettings, wishSettingsOf } from '@shared/wish/settings';
import { DAY_MS, parseShanghai } from '@shared/time';

// 2026-12-01 10:00 in Shanghai.
const NOW = parseShanghai('2026-12-01 10:00');
const settings = wishSettings.defaults;

describe('maskName: the wall never shows a full name', () => {
  test('a given name keeps only its surname: 张**', () => {
    expect(maskName('张秀英')).toBe('张**');
    expect(maskName('张三')).toBe('张**');
    expect(maskName('欧阳娜娜')).toBe('欧**');
    expect(maskName(' 李 明 ')).toBe('李**');
  });

  test('a surname with a kinship title is already anonymous and stays: 王阿姨, 刘大爷', () => {
    expect(maskName('王阿姨')).toBe('王阿姨');
    expect(maskName('刘大爷')).toBe('刘大爷');
    expect(maskName('陈女士')).toBe('陈女士');
  });

  test('a title after a full name does not leak it', () => {
    expect(maskName('王秀英阿姨')).toBe('王**');
  });

  test('nothing typed reads as 居民', () => {
    expect(maskName('  ')).toBe('居民');
  });
});

describe('the lifecycle', () => {
  const allowed: [WishMove, string[]][] = [
    ['approve', ['submitted']],
    ['reject', ['submitted']],
    ['withdraw', ['submitted', 'published']],
    ['claim', ['published']],
    ['release', ['claimed']],
    ['fulfil', ['claimed']],
    ['confirm', ['fulfilled']],
    ['confirmByPhone', ['claimed', 'fulfilled']],
    ['expire', ['submitted', 'published']],
  ];

  test.each(allowed)('%s is allowed exactly from %j', (move, from) => {
    for (const status of WISH_STATUSES) {
      expect(moveProblem(status, move) === null).toBe(from.includes(status));
    }
  });

  test('the moves lead where the domain says', () => {
    expect(MOVES.approve.to).toBe('published');
    expect(MOVES.claim.to).toBe('claimed');
    expect(MOVES.release.to).toBe('published');
    expect(MOVES.fulfil.to).toBe('fulfilled');
    expect(MOVES.confirm.to).toBe('confirmed');
    expect(MOVES.expire.to).toBe('expired');
  });

  test('a claim that lost the race is told 已被认领 as a CONFLICT; other wrong states are INVALID_STATE', () => {
    expect(moveProblem('claimed', 'claim')).toEqual({ code: 'CONFLICT', message: expect.stringContaining('已被认领') });
    expect(moveProblem('confirmed', 'claim')?.code).toBe('CONFLICT');
    expect(moveProblem('expired', 'claim')).toEqual({ code: 'INVALID_STATE', message: '这个心愿已过期，不能认领' });
    expect(moveProblem('claimed', 'withdraw')).toEqual({ code: 'INVALID_STATE', message: '这个心愿已认领，不能撤回' });
  });
});

describe('limits', () => {
  const wish = { category: '生活用品', estimatedValue: 100, deadline: NOW + 7 * DAY_MS };

  test('value over the community cap is LIMIT_EXCEEDED; the cap itself is fine', () => {
    expect(wishProblem({ ...wish, estimatedValue: 500 }, settings, NOW)).toBeNull();
    expect(wishProblem({ ...wish, estimatedValue: 501 }, settings, NOW)).toEqual({ code: 'LIMIT_EXCEEDED', message: '心愿的估计价值不能超过500元', field: 'estimatedValue' });
  });

  test('only the community’s categories, and a deadline from today', () => {
    expect(wishProblem({ ...wish, category: '买车' }, settings, NOW)?.field).toBe('category');
    expect(wishProblem({ ...wish, deadline: parseShanghai('2026-12-01') }, settings, NOW)).toBeNull();
    expect(wishProblem({ ...wish, deadline: parseShanghai('2026-11-30') }, settings, NOW)?.field).toBe('deadline');
    expect(wishProblem({ ...wish, deadline: NOW + 91 * DAY_MS }, settings, NOW)?.field).toBe('deadline');
  });

  test('open wishes: the third is fine, the fourth is refused with the count', () => {
    expect(openLimitProblem(2, settings)).toBeNull();
    expect(openLimitProblem(3, settings)).toEqual({ code: 'LIMIT_EXCEEDED', message: expect.stringContaining('最多3个') });
    expect(openLimitProblem(3, { ...settings, maxOpenWishes: 5 })).toBeNull();
  });

  test('a promise runs from today to the longest promise (30 days by default)', () => {
    expect(promiseProblem(NOW, settings, NOW)).toBeNull();
    expect(promiseProblem(NOW - DAY_MS, settings, NOW)?.message).toBe('承诺日期不能早于今天');
    expect(promiseProblem(NOW + 30 * DAY_MS, settings, NOW)).toBeNull();
    expect(promiseProblem(NOW + 31 * DAY_MS, settings, NOW)?.message).toBe('承诺日期最晚为12月31日（30天内）');
  });

  test('settings read with defaults for anything never set', () => {
    expect(wishSettingsOf({ settings: {} })).toEqual(settings);
    expect(wishSettingsOf({ settings: { wish: { maxOpenWishes: 5 } } })).toEqual({ ...settings, maxOpenWishes: 5 });
  });

  test('phones: a mobile or a landline with its area code', () => {
    expect(PHONE_PATTERN.test('13800138000')).toBe(true);
    expect(PHONE_PATTERN.test('021-62345678')).toBe(true);
    expect(PHONE_PATTERN.test('12345')).toBe(false);
    expect(PHONE_PATTERN.test('1380013800a')).toBe(false);
  });
});

describe('who may claim', () => {
  const wish = { status: 'published' as const, wisherId: 'u_wisher' };
  const volunteer = { userId: 'u_v', eligible: true };

  test('an eligible neighbour with a fair promise may', () => {
    expect(claimProblem(wish, volunteer, NOW + 3 * DAY_MS, settings, NOW)).toBeNull();
  });

  test('not one’s own wish, not someone unverified, not a wish already taken', () => {
    expect(claimProblem(wish, { userId: 'u_wisher', eligible: true }, NOW, settings, NOW)).toEqual({ code: 'FORBIDDEN', message: '不能认领自己的心愿' });
    expect(claimProblem(wish, { userId: 'u_x', eligible: false }, NOW, settings, NOW)?.code).toBe('FORBIDDEN');
    expect(claimProblem({ ...wish, status: 'claimed' }, volunteer, NOW, settings, NOW)?.code).toBe('CONFLICT');
  });

  test('a 代办 wish has no account behind it, so anyone eligible may claim it', () => {
    expect(claimProblem({ status: 'published', wisherId: null }, volunteer, NOW, settings, NOW)).toBeNull();
  });

  test('a claim is overdue once its promised day is over, in Shanghai time', () => {
    const due = endOfDay(parseShanghai('2026-12-03'));
    expect(due).toBe(parseShanghai('2026-12-04'));
    expect(isOverdue(due, due - 1)).toBe(false);
    expect(isOverdue(due, due)).toBe(true);
    expect(isOverdue(null, due)).toBe(false);
  });
});

describe('爱心积分 ledger', () => {
  const base = { communityId: 'c', name: '赵先生', points: 10 };
  const a1 = award({ ...base, userId: 'u1', wishId: 'w1', household: 'h1', at: NOW, note: null });
  const a2 = award({ ...base, userId: 'u1', wishId: 'w2', household: 'h1', at: NOW, note: null });
  const a3 = award({ ...base, userId: 'u1', wishId: 'w3', household: 'h2', at: NOW, note: null });
  const b1 = award({ ...base, name: '爱心超市', userId: 'u2', wishId: 'w4', household: 'h3', at: NOW, note: null });

  test('one award per wish, under the wish’s own id', () => {
    expect(a1.id).toBe(awardId('w1'));
    expect(a1).toMatchObject({ kind: 'award', points: 10, month: '2026-12' });
  });

  test('a reversal cancels an award with its negative, dated when it is made', () => {
    const later = parseShanghai('2027-01-05 09:00');
    const r = reversal(a1, later, '重复登记');
    expect(r).toMatchObject({ id: `${a1.id}:rev`, kind: 'reversal', reverses: a1.id, points: -10, month: '2027-01', note: '重复登记' });
    expect(balanceOf([a1, a2, r])).toBe(10);
    expect(() => reversal(r, later, 'x')).toThrow();
  });

  test('the leaderboard counts households helped, the same home once', () => {
    const board = leaderboard([a1, a2, a3, b1]);
    expect(board).toEqual([
      { userId: 'u1', name: '赵先生', households: 2, points: 30 },
      { userId: 'u2', name: '爱心超市', households: 1, points: 10 },
    ]);
  });

  test('a reversed award no longer counts its household; a person left with nothing drops off', () => {
    const board = leaderboard([a3, reversal(a3, NOW, '误操作'), b1]);
    expect(board).toEqual([{ userId: 'u2', name: '爱心超市', households: 1, points: 10 }]);
  });

  test('months are Shanghai months', () => {
    expect(monthOf(parseShanghai('2026-12-01 00:30'))).toBe('2026-12');
    expect(monthOf(parseShanghai('2026-11-30 23:59'))).toBe('2026-11');
  });
});

