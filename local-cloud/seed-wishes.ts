import { award } from '@shared/wish/ledger';
import { endOfDay, maskName, type WishStatus } from '@shared/wish/rules';
import { DAY_MS } from '@shared/time';
import type { Store } from '../cloudfunctions/core/store/port';
import { householdKey, type LedgerDoc, type OrgDoc, type WishClaim, type WishDoc, type WisherDoc } from '../cloudfunctions/wish/records';

const XFL = 'c_xingfuli';
/** 赵先生 (demo-resident-4) makes wishes and takes some up; the 爱心超市 (demo-org) is the street's 爱心单位. */
const ZHAO = { id: 'u_demo7', name: '赵先生', building: '6号楼', address: '2单元404' };
const STAFF = 'u_demo1';

interface DemoWish {
  title: string;
  category: string;
  value: number;
  status: WishStatus;
  /** Days ago it was made. */
  age: number;
  wisher: { id: string | null; name: string; building: string; address: string; phone: string };
  claimedBy?: { id: string; name: string; kind: 'resident' | 'org' };
  rejectReason?: string;
}

const elder = (name: string, building: string, address: string) => ({ id: null, name, building, address, phone: '021-6234' + String(name.length * 1111).padStart(4, '0') });
const zhao = { ...ZHAO, phone: '13800000004' };
const ZHAO_CLAIMS = { id: ZHAO.id, name: '赵先生', kind: 'resident' as const };
const MARKET = { id: 'u_demo10', name: '幸福里爱心超市', kind: 'org' as const };

const WISHES: DemoWish[] = [
  { title: '想请人教我用手机挂号', category: '助老服务', value: 0, status: 'submitted', age: 1, wisher: zhao },
  { title: '想要一台收音机听戏', category: '生活用品', value: 80, status: 'published', age: 2, wisher: elder('王阿姨', '4号楼', '2单元102') },
  { title: '孩子想要一套课外读物', category: '学习用品', value: 120, status: 'published', age: 3, wisher: zhao },
  { title: '家里水龙头漏水，想请人修一下', category: '维修帮忙', value: 30, status: 'claimed', age: 4, wisher: elder('李大爷', '7号楼', '1单元201'), claimedBy: ZHAO_CLAIMS },
  { title: '想有人陪着去医院复查', category: '陪伴关怀', value: 0, status: 'fulfilled', age: 6, wisher: elder('孙奶奶', '2号楼', '2单元302'), claimedBy: MARKET },
  { title: '冬天想要一床厚棉被', category: '生活用品', value: 200, status: 'confirmed', age: 45, wisher: elder('周爷爷', '3号楼', '1单元101'), claimedBy: MARKET },
  { title: '楼道灯坏了想请人换个灯泡', category: '维修帮忙', value: 20, status: 'confirmed', age: 75, wisher: elder('钱阿姨', '5号楼', '3单元602'), claimedBy: ZHAO_CLAIMS },
  { title: '想要一部新手机', category: '生活用品', value: 500, status: 'rejected', age: 10, wisher: zhao, rejectReason: '已为您联系社区帮扶渠道，先不上心愿墙' },
  { title: '想请人帮忙贴春联', category: '其他', value: 10, status: 'expired', age: 100, wisher: elder('吴奶奶', '8号楼', '1单元101') },
];

/**
 * Wishes in every state, a 爱心单位, and 爱心积分 earned in earlier months. They carry no audit entries: the demo
 * chain starts empty, as the tests of the audit log expect, so their timelines are empty until someone acts.
 */
export async function seedWishes(store: Store, now: number): Promise<void> {
  const org: OrgDoc = { _id: `${XFL}:${MARKET.id}`, userId: MARKET.id, communityId: XFL, orgName: MARKET.name, contactPhone: '13900000010', status: 'granted', appliedAt: now - 120 * DAY_MS, reviewedAt: now - 119 * DAY_MS };
  await store.create('orgs', org);
  let open = 0;
  for (const [i, d] of WISHES.entries()) {
    const made = now - d.age * DAY_MS;
    const proxy = d.wisher.id === null;
    const claimed = d.claimedBy && ['claimed', 'fulfilled', 'confirmed'].includes(d.status);
    const claim: WishClaim | null = claimed ? { claimantName: d.claimedBy!.name, claimantKind: d.claimedBy!.kind, promisedDate: made + 5 * DAY_MS, claimedAt: made + DAY_MS } : null;
    const wish: WishDoc = {
      _id: `w_demo${i}`,
      communityId: XFL,
      communityName: '幸福里社区',
      wisherId: d.wisher.id,
      proxyBy: proxy ? STAFF : null,
      name: d.wisher.name,
      maskedName: maskName(d.wisher.name),
      building: d.wisher.building,
      address: d.wisher.address,
      phone: d.wisher.phone,
      household: householdKey(XFL, d.wisher.building, d.wisher.address),
      category: d.category,
      title: d.title,
      description: '',
      photos: [],
      estimatedValue: d.value,
      deadline: endOfDay(d.status === 'expired' ? made + 14 * DAY_MS : now + 20 * DAY_MS),
      status: d.status,
      rejectReason: d.rejectReason ?? null,
      claimantId: claim ? d.claimedBy!.id : null,
      claim,
      claimDueAt: d.status === 'claimed' ? endOfDay(now + 3 * DAY_MS) : null,
      fulfilment: ['fulfilled', 'confirmed'].includes(d.status) ? { note: '已经帮忙办好了', photos: [], at: made + 2 * DAY_MS } : null,
      confirmation: d.status === 'confirmed' ? { by: 'phone', thanks: '', note: '社区电话回访，老人很满意', at: made + 3 * DAY_MS } : null,
      publishedAt: d.status === 'submitted' || d.status === 'rejected' ? null : made + 3600_000,
      createdAt: made,
      updatedAt: made + 3 * DAY_MS,
    };
    if (claim && d.status === 'claimed') wish.claim = { ...claim, promisedDate: now + 3 * DAY_MS };
    await store.create('wishes', wish);
    if (d.wisher.id && ['submitted', 'published', 'claimed', 'fulfilled'].includes(d.status)) open++;
    if (d.status === 'confirmed' && claim) {
      const { id, ...entry } = award({ userId: d.claimedBy!.id, name: claim.claimantName, communityId: XFL, wishId: wish._id, household: wish.household, points: 10, at: wish.confirmation!.at, note: null });
      const doc: LedgerDoc = { _id: id, ...entry, title: wish.title };
      await store.create('lovePoints', doc);
    }
  }
  const counter: WisherDoc = { _id: ZHAO.id, open };
  await store.create('wishers', counter);
}
