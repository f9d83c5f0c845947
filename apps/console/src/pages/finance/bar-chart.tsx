import { Empty } from 'antd';
import { BarChart as Bars } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

// Only the parts the finance charts draw, so this chunk stays small.
echarts.use([Bars, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface BarSeries {
  name: string;
  /** Fen per category; drawn in yuan. */
  fen: number[];
  stack?: string;
}

/** Grouped or stacked bars of money per category; a chart with nothing to draw says so. */
export function MoneyBarChart(props: {
  title: string;
  categories: string[];
  series: BarSeries[];
  emptyText: string;
  testId?: string;
}) {
  const hasData = props.categories.length > 0 && props.series.some((series) => series.fen.some((fen) => fen !== 0));
  if (!hasData) return <Empty data-testid={props.testId} description={props.emptyText} />;
  return (
    <figure data-testid={props.testId} style={{ margin: 0 }} aria-label={props.title}>
      <ReactEChartsCore
        echarts={echarts}
        style={{ height: Math.max(260, Math.min(480, 60 + props.categories.length * 24)) }}
        option={{
          // Figures appear at once: a growing bar would be read (and photographed) half way.
          animation: false,
          tooltip: { trigger: 'axis', valueFormatter: (value: number) => `¥${value.toLocaleString('zh-CN')}` },
          legend: { top: 0 },
          grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
          xAxis: {
            type: 'category',
            data: props.categories,
            axisLabel: { interval: 0, rotate: props.categories.length > 6 ? 30 : 0 },
          },
          yAxis: { type: 'value', name: '元' },
          series: props.series.map((series) => ({
            name: series.name,
            type: 'bar',
            stack: series.stack,
            data: series.fen.map((fen) => fen / 100),
          })),
        }}
      />
      <figcaption className="visually-hidden">{props.title}</figcaption>
    </figure>
  );
}
