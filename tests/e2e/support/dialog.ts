import type { Page } from 'playwright-core';

/**
 * H5's Taro.showModal (what `confirmIrreversible` shows): waits for the dialog whose title reads `title`, hands
 * back its explanation, and answers it with the confirming button or 再想想.
 */
export async function answerDialog(page: Page, title: string | RegExp, answer: 'confirm' | 'cancel'): Promise<string> {
  // The wrapper has no box of its own (its children are fixed), so visibility is the dialog's content box.
  const modal = page.locator('.taro-modal__content').filter({ has: page.locator('.taro-modal__title', { hasText: title }) });
  await modal.waitFor({ state: 'visible' });
  const text = await modal.locator('.taro-modal__text').innerText();
  await modal.locator(answer === 'confirm' ? '.taro-model__confirm' : '.taro-model__cancel').click();
  await modal.waitFor({ state: 'hidden' });
  return text;
}

/** No dialog is showing (one that was asked for would be waiting to be answered). */
export async function noDialog(page: Page): Promise<boolean> {
  return (await page.locator('.taro-modal__content:visible').count()) === 0;
}
