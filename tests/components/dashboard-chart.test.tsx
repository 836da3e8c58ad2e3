import { render, screen } from '@testing-library/react';
import { Chart } from '../../miniprogram/src/packages/dashboard/components/Chart';
import { chartSvg } from '../../miniprogram/src/packages/dashboard/chartSvg';

const spec = {
  kind: 'line' as const,
  categories: ['10月', '11月', '12月'],
  series: [
    { name: '提交心愿', values: [2, 0, 5] },
    { name: '已完成', values: [1, null, 3] },
  ],
};

describe('a dashboard chart', () => {
  // jsdom has no canvas: ECharts then measures text by its own estimate, as it does in WeChat, where there is no DOM.
  beforeAll(() => jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null));
  test('draws an SVG image WeChat accepts: pixel sizes, no <style> element', () => {
    const svg = chartSvg(spec, { width: 340, height: 220, fontSize: 12 });
    expect(svg).toMatch(/^<svg width="340" height="220"/);
    expect(svg).not.toMatch(/<style/);
    expect(svg).toContain('12月');
  });

  test('has its numbers in a table beside it, — where there is nothing to measure', () => {
    render(<Chart title="微心愿：每月" rowHeading="月份" spec={spec} format={(v) => (v === null ? '—' : String(v))} testId="chart" />);
    expect(screen.getByTestId('chart-image').getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    const rows = screen.getAllByRole('row').map((r) => r.textContent);
    expect(rows).toEqual(['月份提交心愿已完成', '10月21', '11月0—', '12月53']);
  });
});
