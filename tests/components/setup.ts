import '@testing-library/dom';
import Taro from '@tarojs/taro';

// Build-time constants Taro's webpack would substitute; each test may switch the platform.
process.env.TARO_ENV = 'h5';

beforeEach(() => {
  process.env.TARO_ENV = 'h5';
  (Taro as unknown as { __resetStorage: () => void }).__resetStorage();
});

afterEach(() => {
  jest.clearAllMocks();
});
