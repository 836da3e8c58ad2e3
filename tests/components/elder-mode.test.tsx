import { act, fireEvent, render, screen } from '@testing-library/react';
import { ElderModeSwitch } from '../../miniprogram/src/components/ElderMode';
import { Field } from '../../miniprogram/src/components/Field';
import { Picture } from '../../miniprogram/src/components/Picture';
import { TextArea, TextInput } from '../../miniprogram/src/components/TextInput';
import { Page } from '../../miniprogram/src/components/Page';
import { displayStore, followSystemTextSize, setTextSize } from '../../miniprogram/src/services/display';

type Display = typeof import('../../miniprogram/src/services/display');

/** The app starting afresh: display.ts read again, with WeChat reporting this font scale and storage holding this. */
function startWith(fontSizeScaleFactor: number | undefined, stored?: string): Display['displayStore'] {
  let store: Display['displayStore'] | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module registry, set up before display.ts loads
    const Taro = require('@tarojs/taro').default;
    (Taro.getAppBaseInfo as jest.Mock).mockReturnValue({ fontSizeScaleFactor });
    if (stored) Taro.setStorageSync('gz.largeText', stored);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
    store = (require('../../miniprogram/src/services/display') as Display).displayStore;
  });
  return store as Display['displayStore'];
}

describe('长辈版 on first start', () => {
  test.each([
    [undefined, 'standard'],
    [1, 'standard'],
    [1.15, 'large'],
    [1.4, 'large'],
    [1.5, 'xlarge'],
    [2, 'xlarge'],
  ])("WeChat's fontSizeScaleFactor %p gives %s", (factor, size) => {
    expect(startWith(factor).get().textSize).toBe(size);
  });

  test("a choice someone made beats WeChat's setting, and the former 大字模式 on still reads as 大字", () => {
    expect(startWith(1.6, 'off').get()).toMatchObject({ textSize: 'standard', choice: 'standard', largeText: false });
    expect(startWith(1, 'on').get()).toMatchObject({ textSize: 'large', largeText: true });
    expect(startWith(1, 'xlarge').get()).toMatchObject({ textSize: 'xlarge', largeText: true });
  });
});

describe('the 长辈版 switch', () => {
  afterEach(() => act(() => followSystemTextSize()));

  test('three sizes named in words; choosing one sets it on the page and can go back to following WeChat', () => {
    const { container } = render(
      <Page>
        <ElderModeSwitch />
      </Page>,
    );
    expect(screen.getByText('长辈版')).toBeTruthy();
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => r.textContent)).toEqual(['标准', '大字', '特大字']);
    expect(screen.getByText('跟随微信字体大小')).toBeTruthy();

    fireEvent.click(screen.getByText('特大字'));
    expect(displayStore.get().textSize).toBe('xlarge');
    expect(container.querySelector('.gz-page')?.className).toContain('gz-large gz-xlarge');
    expect(screen.getByText('特大字').getAttribute('aria-checked')).toBe('true');

    fireEvent.click(screen.getByText('改回跟随微信字体大小'));
    expect(displayStore.get().choice).toBe('auto');
    expect(container.querySelector('.gz-page')?.className).not.toContain('gz-large');
  });

  test('大字 alone is the first step: large, not the largest', () => {
    setTextSize('large');
    const { container } = render(<Page>内容</Page>);
    expect(container.querySelector('.gz-page')?.className).toContain('gz-large');
    expect(container.querySelector('.gz-page')?.className).not.toContain('gz-xlarge');
  });
});

describe('what screen readers are told', () => {
  test("a text box is named by its field's label, which Taro's H5 input cannot take from a <label>", () => {
    render(
      <>
        <Field label="心愿内容">
          <TextArea value="" onInput={() => undefined} />
        </Field>
        <Field label="联系电话">
          <TextInput value="" onInput={() => undefined} />
        </Field>
        <TextInput value="" onInput={() => undefined} data-testid="bare" />
      </>,
    );
    expect(screen.getByLabelText('心愿内容').tagName).toBe('TEXTAREA');
    expect(screen.getByLabelText('联系电话').tagName).toBe('INPUT');
    expect(screen.getByTestId('bare').getAttribute('aria-label')).toBeNull();
  });

  test('a picture carries its alt, and a decorative one an empty alt', () => {
    render(
      <>
        <Picture src="/a.png" alt="张阿姨的头像" />
        <Picture src="/b.png" alt="" data-testid="icon" />
      </>,
    );
    expect(screen.getByAltText('张阿姨的头像')).toBeTruthy();
    expect(screen.getByTestId('icon').getAttribute('alt')).toBe('');
  });
});
