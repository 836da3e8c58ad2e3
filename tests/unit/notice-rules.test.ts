import {
  audienceOf,
  audiencesFor,
  checkExpiry,
  checkPublishAt,
  excerpt,
  isVisible,
  NEVER,
  noticeStatus,
  publishedStatus,
  type NoticeTiming,
} from '@shared/notice/rules';

const NOW = Date.UTC(2026, 10, 24, 2, 0);
const HOUR = 3600_000;

function timing(t: Partial<NoticeTiming>): NoticeTiming {
  return { status: 'published', publishAt: NOW - HOUR, expireAt: NEVER, ...t };
}

describe('noticeStatus', () => {
  test('drafts and unpublished notices keep their stored status whatever the clock says', () => {
    expect(noticeStatus(timing({ status: 'draft', publishAt: null }), NOW)).toBe('draft');
    expect(noticeStatus(timing({ status: 'unpublished' }), NOW)).toBe('unpublished');
    expect(noticeStatus(timing({ status: 'unpublished', expireAt: NOW - 1 }), NOW)).toBe('unpublished');
  });

  test('a published notice is scheduled until its publish time, then live, then expired', () => {
    const n = timing({ publishAt: NOW + HOUR, expireAt: NOW + 2 * HOUR });
    expect(noticeStatus(n, NOW)).toBe('scheduled');
    expect(noticeStatus(n, NOW + HOUR - 1)).toBe('scheduled');
    expect(noticeStatus(n, NOW + HOUR)).toBe('published');
    expect(noticeStatus(n, NOW + 2 * HOUR - 1)).toBe('published');
    expect(noticeStatus(n, NOW + 2 * HOUR)).toBe('expired');
  });

  test('a stored scheduled notice goes by the clock too, so readers never wait for the cron to mark it', () => {
    const n = timing({ status: 'scheduled', publishAt: NOW + HOUR, expireAt: NOW + 2 * HOUR });
    expect(noticeStatus(n, NOW)).toBe('scheduled');
    expect(noticeStatus(n, NOW + HOUR)).toBe('published');
    expect(isVisible(n, NOW + HOUR)).toBe(true);
    expect(noticeStatus(n, NOW + 2 * HOUR)).toBe('expired');
  });

  test('a notice the cron has expired stays expired', () => {
    expect(noticeStatus(timing({ status: 'expired' }), NOW)).toBe('expired');
    expect(isVisible(timing({ status: 'expired' }), NOW)).toBe(false);
  });

  test('publishedStatus: a publication in the future is stored as scheduled', () => {
    expect(publishedStatus(NOW + 1, NOW)).toBe('scheduled');
    expect(publishedStatus(NOW, NOW)).toBe('published');
    expect(publishedStatus(NOW - 1, NOW)).toBe('published');
  });

  test('NEVER does not expire', () => {
    expect(noticeStatus(timing({}), NOW + 100 * 365 * 24 * HOUR)).toBe('published');
  });

  test('isVisible is true only while published and live', () => {
    expect(isVisible(timing({}), NOW)).toBe(true);
    expect(isVisible(timing({ publishAt: NOW + 1 }), NOW)).toBe(false);
    expect(isVisible(timing({ expireAt: NOW }), NOW)).toBe(false);
    expect(isVisible(timing({ status: 'draft' }), NOW)).toBe(false);
  });
});

describe('audiences', () => {
  test('a community notice is filed under its community, a street notice under the street', () => {
    expect(audienceOf('community', 'c_a', 'street_1')).toBe('c_a');
    expect(audienceOf('street', 'c_a', 'street_1')).toBe('street:street_1');
  });

  test('a resident sees their community and their street; a visitor only the street', () => {
    expect(audiencesFor('c_a', 'street_1')).toEqual(['c_a', 'street:street_1']);
    expect(audiencesFor(null, 'street_1')).toEqual(['street:street_1']);
  });

  test('the audience a notice is filed under is one a reader of that community looks in', () => {
    expect(audiencesFor('c_a', 's')).toContain(audienceOf('community', 'c_a', 's'));
    expect(audiencesFor('c_b', 's')).toContain(audienceOf('street', 'c_a', 's'));
    expect(audiencesFor('c_b', 's')).not.toContain(audienceOf('community', 'c_a', 's'));
  });
});

describe('checkPublishAt', () => {
  test('now or later is fine; no time means now', () => {
    expect(checkPublishAt(undefined, NOW)).toBe('ok');
    expect(checkPublishAt(NOW, NOW)).toBe('ok');
    expect(checkPublishAt(NOW + HOUR, NOW)).toBe('ok');
  });

  test('up to a minute in the past is tolerated as clock drift, more is refused', () => {
    expect(checkPublishAt(NOW - 60_000, NOW)).toBe('ok');
    expect(checkPublishAt(NOW - 60_001, NOW)).toBe('past');
  });
});

describe('checkExpiry', () => {
  test('no expiry is always fine', () => {
    expect(checkExpiry(null, NOW, NOW)).toBe('ok');
    expect(checkExpiry(undefined, NOW, NOW)).toBe('ok');
  });

  test('expiry must be after both the publish time and now', () => {
    expect(checkExpiry(NOW + HOUR, NOW, NOW)).toBe('ok');
    expect(checkExpiry(NOW, NOW, NOW)).toBe('before-publish');
    expect(checkExpiry(NOW + HOUR, NOW + 2 * HOUR, NOW)).toBe('before-publish');
    // A publish time in the past does not allow an expiry that has passed already.
    expect(checkExpiry(NOW - 1, NOW - HOUR, NOW)).toBe('before-publish');
  });
});

describe('excerpt', () => {
  test('short text is kept, whitespace flattened', () => {
    expect(excerpt('  第一行\n\n第二行\t结束  ')).toBe('第一行 第二行 结束');
  });

  test('long text is cut at the length with an ellipsis', () => {
    const body = '居'.repeat(61);
    expect(excerpt(body)).toBe(`${'居'.repeat(60)}…`);
    expect(excerpt('居'.repeat(60))).toBe('居'.repeat(60));
    expect(excerpt('abcdef', 3)).toBe('abc…');
  });
});
