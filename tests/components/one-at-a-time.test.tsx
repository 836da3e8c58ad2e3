import { act, renderHook } from '@testing-library/react';
import { useOneAtATime } from '../../miniprogram/src/hooks/useOneAtATime';

// The avatar button (更换头像) runs through this: WeChat's native button keeps firing while NutUI shows it busy.
test('a second tap while the first upload is still running starts nothing', async () => {
  const started: string[] = [];
  let finish: () => void = () => undefined;
  const { result } = renderHook(() =>
    useOneAtATime(async (path: string) => {
      started.push(path);
      await new Promise<void>((resolve) => (finish = resolve));
    }),
  );

  let first: Promise<void> = Promise.resolve();
  act(() => {
    first = result.current.run('a.png');
  });
  expect(result.current.running).toBe(true);
  await act(async () => {
    await result.current.run('b.png');
    await result.current.run('c.png');
  });
  expect(started).toEqual(['a.png']);

  await act(async () => {
    finish();
    await first;
  });
  expect(result.current.running).toBe(false);

  act(() => {
    void result.current.run('d.png');
  });
  expect(started).toEqual(['a.png', 'd.png']);
  await act(async () => finish());
});

test('a failed upload frees the button for the next try', async () => {
  const { result } = renderHook(() =>
    useOneAtATime(async () => {
      throw new Error('网络不太好');
    }),
  );
  await act(async () => {
    await expect(result.current.run()).rejects.toThrow('网络不太好');
  });
  expect(result.current.running).toBe(false);
});
