/**
 * @tarojs/taro for jsdom: navigation, toasts, storage, cloud and request are jest.fn()s a test can program.
 * Storage is an in-memory map; page hooks run once on mount (tests call the registered ones when needed).
 */
import { useEffect } from 'react';

const storage = new Map<string, unknown>();
const pageHooks: Record<string, (() => void)[]> = { didShow: [], pullDownRefresh: [], reachBottom: [] };

function pageHook(name: keyof typeof pageHooks, runOnMount: boolean) {
  return (fn: () => void) => {
    useEffect(() => {
      pageHooks[name].push(fn);
      if (runOnMount) fn();
      return () => {
        pageHooks[name] = pageHooks[name].filter((f) => f !== fn);
      };
    });
  };
}

export const router = { params: {} as Record<string, string> };

export const useDidShow = pageHook('didShow', false);
export const usePullDownRefresh = pageHook('pullDownRefresh', false);
export const useReachBottom = pageHook('reachBottom', false);
export const useDidHide = () => undefined;
export const useUnload = () => undefined;
export const usePageScroll = () => undefined;
export const useReady = () => undefined;
export const useRouter = () => router;

/** Fires a page lifecycle event the way Taro would (pull to refresh, reach bottom, show). */
export function firePageEvent(name: keyof typeof pageHooks): void {
  pageHooks[name].forEach((fn) => fn());
}

const Taro = {
  request: jest.fn(),
  cloud: {
    init: jest.fn(),
    callFunction: jest.fn(),
    getTempFileURL: jest.fn(async ({ fileList }: { fileList: string[] }) => ({ fileList: fileList.map((fileID) => ({ fileID, tempFileURL: `https://tmp/${fileID}` })) })),
    uploadFile: jest.fn(),
  },
  showToast: jest.fn(async () => ({})),
  hideToast: jest.fn(),
  showModal: jest.fn(async () => ({ confirm: true, cancel: false })),
  showLoading: jest.fn(),
  hideLoading: jest.fn(),
  navigateTo: jest.fn(async () => ({})),
  redirectTo: jest.fn(async () => ({})),
  switchTab: jest.fn(async () => ({})),
  reLaunch: jest.fn(async () => ({})),
  navigateBack: jest.fn(async () => ({})),
  stopPullDownRefresh: jest.fn(),
  setNavigationBarTitle: jest.fn(async () => ({})),
  getCurrentPages: jest.fn(() => [{ route: 'pages/mine/index' }]),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => void storage.set(key, value)),
  removeStorageSync: jest.fn((key: string) => void storage.delete(key)),
  clearStorageSync: jest.fn(() => storage.clear()),
  getAppBaseInfo: jest.fn(() => ({ language: 'zh_CN' })),
  getSystemInfoSync: jest.fn(() => ({ windowWidth: 375, windowHeight: 812, pixelRatio: 2, platform: 'devtools' })),
  getSystemInfo: jest.fn(async () => ({ windowWidth: 375, windowHeight: 812 })),
  getWindowInfo: jest.fn(() => ({ windowWidth: 375, windowHeight: 812, pixelRatio: 2 })),
  chooseImage: jest.fn(),
  previewImage: jest.fn(),
  setClipboardData: jest.fn(async () => ({})),
  onNeedPrivacyAuthorization: jest.fn(),
  openPrivacyContract: jest.fn(),
  pageScrollTo: jest.fn(),
  nextTick: (fn: () => void) => setTimeout(fn, 0),
  getEnv: () => 'WEB',
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB', RN: 'RN', SWAN: 'SWAN', ALIPAY: 'ALIPAY', TT: 'TT', QQ: 'QQ', JD: 'JD', HARMONY: 'HARMONY' },
  createSelectorQuery: () => {
    const query = {
      select: () => query,
      selectAll: () => query,
      selectViewport: () => query,
      boundingClientRect: () => query,
      scrollOffset: () => query,
      fields: () => query,
      exec: (cb?: (r: unknown[]) => void) => cb?.([]),
      in: () => query,
    };
    return query;
  },
  eventCenter: { on: jest.fn(), off: jest.fn(), trigger: jest.fn() },
  getCurrentInstance: () => ({ router: { params: router.params, path: '/pages/mine/index' }, page: {} }),
  /** Test-only: forget stored values between tests. */
  __resetStorage: () => storage.clear(),
};

export const { nextTick, getEnv, ENV_TYPE, createSelectorQuery, eventCenter, getCurrentInstance, getSystemInfo, pageScrollTo, chooseImage } = Taro;
export const chooseMedia = jest.fn();
export const canvasToTempFilePath = jest.fn();
export const createOffscreenCanvas = jest.fn();
export const createInnerAudioContext = jest.fn();

export default Taro;
