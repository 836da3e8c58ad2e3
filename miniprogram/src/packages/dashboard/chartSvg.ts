import * as echarts from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent } from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'

// Trimmed ECharts: two chart types, the grid and legend, and the SVG renderer. It runs without a canvas or a DOM
// (server-side rendering mode), so the same code draws on H5 and in WeChat, where the image component shows SVG.
echarts.use([LineChart, BarChart, GridComponent, LegendComponent, SVGRenderer])

export interface ChartSpec {
  kind: 'line' | 'bar'
  categories: string[]
  series: { name: string; values: (number | null)[] }[]
}

const COLORS = ['#c8102e', '#1f6fb2', '#1e7b34', '#b26b00', '#6a3fb2', '#555555']

/** The chart as an SVG text, `width` × `height` px, its labels at `fontSize`. */
export function chartSvg(spec: ChartSpec, size: { width: number; height: number; fontSize: number }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height })
  const text = { fontSize: size.fontSize, color: '#333333' }
  chart.setOption({
    animation: false,
    color: COLORS,
    textStyle: text,
    legend: spec.series.length > 1 ? { top: 0, textStyle: text, itemWidth: 18, itemHeight: 10 } : undefined,
    grid: { left: 8, right: 16, top: spec.series.length > 1 ? size.fontSize * 2.4 + 8 : 16, bottom: 8 },
    // Every label shown, turned when there are many (twelve months, eight kinds) so none hides another.
    xAxis: { type: 'category', data: spec.categories, axisLabel: { ...text, interval: 0, rotate: spec.categories.length > 6 ? 45 : 0 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: text },
    series: spec.series.map((s) => ({ type: spec.kind, name: s.name, data: s.values, silent: true, symbolSize: 8, barMaxWidth: 32, connectNulls: false })),
  })
  const svg = chart.renderToSVGString()
  chart.dispose()
  // WeChat's image component refuses SVG with a <style> element; ECharts writes only hover rules there, which an image never needs.
  return svg.replace(/<style[\s\S]*?<\/style>/g, '')
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** UTF-8 bytes in base64, written out: WeChat's runtime has no btoa, and the labels are Chinese. */
function base64Utf8(text: string): string {
  const bytes = unescape(encodeURIComponent(text))
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes.charCodeAt(i), bytes.charCodeAt(i + 1), bytes.charCodeAt(i + 2)]
    const n = (a << 16) | ((b || 0) << 8) | (c || 0)
    out += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63] + (i + 1 < bytes.length ? BASE64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? BASE64[n & 63] : '=')
  }
  return out
}

/** An image address for the SVG, which both the browser and WeChat's image component load. */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${base64Utf8(svg)}`
}
