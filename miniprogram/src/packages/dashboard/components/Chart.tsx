import { useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import { Picture } from '../../../components/Picture'
import { useLargeText } from '../../../hooks/useLargeText'
import { chartSvg, svgDataUri, type ChartSpec } from '../chartSvg'

interface Props {
  title: string
  spec: ChartSpec
  /** The first column's heading in the table (月份, 方式, 社区). */
  rowHeading: string
  /** How a value reads in the table. */
  format: (value: number | null) => string
  testId: string
}

/**
 * A chart and, under it, the same numbers as a table: the table is what a screen reader reads and what stays legible
 * in 大字模式, where the chart is drawn taller with larger labels.
 */
export function Chart({ title, spec, rowHeading, format, testId }: Props) {
  const { largeText } = useLargeText()
  const src = useMemo(() => svgDataUri(chartSvg(spec, { width: 340, height: largeText ? 300 : 220, fontSize: largeText ? 16 : 12 })), [spec, largeText])
  return (
    <View className="db-chart" data-testid={testId}>
      <Text className="db-chart__title">{title}</Text>
      <Picture className="db-chart__image" src={src} mode="widthFix" alt={`${title}图表，数据见下表`} data-testid={`${testId}-image`} />
      <View className="db-table" role="table" aria-label={title}>
        <View className="db-table__row db-table__head" role="row">
          <View className="db-table__name" role="columnheader">
            {rowHeading}
          </View>
          {spec.series.map((s) => (
            <View key={s.name} className="db-table__cell" role="columnheader">
              {s.name}
            </View>
          ))}
        </View>
        {spec.categories.map((c, i) => (
          <View key={c} className="db-table__row" role="row">
            <View className="db-table__name" role="rowheader">
              {c}
            </View>
            {spec.series.map((s) => (
              <View key={s.name} className="db-table__cell" role="cell">
                {format(s.values[i])}
              </View>
            ))}
          </View>
        ))}
      </View>
    </View>
  )
}
