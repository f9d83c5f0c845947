import { Empty } from 'antd';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

// Only what the dashboard draws, so its chunk carries no more of echarts than that.
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** One echarts chart, or antd's Empty with a sentence when there is nothing to draw. */
export function Chart({
  option,
  empty,
  emptyText,
  height = 260,
  label,
}: {
  option: Record<string, unknown>;
  empty: boolean;
  emptyText: string;
  height?: number;
  label: string;
}) {
  if (empty) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  return (
    <div role="img" aria-label={label}>
      {/* Drawn at once, not grown: a figure a leader reads (or a screenshot takes) is never half drawn. */}
      <ReactEChartsCore
        echarts={echarts}
        option={{ animation: false, ...option }}
        style={{ height }}
        opts={{ renderer: 'svg' }}
        notMerge
      />
    </div>
  );
}
