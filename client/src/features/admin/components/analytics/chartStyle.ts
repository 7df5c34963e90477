/** Colours and axis styles of the analytics charts: the theme's tokens, so both themes keep their contrast. */
export const CHART_COLORS = {
  primary: 'var(--accent)',
  success: 'var(--success)',
  danger: 'var(--danger)',
  warning: 'var(--warning)',
} as const;

export const AXIS_TICK = { fill: 'var(--text-muted)', fontSize: 12 };
export const GRID_STROKE = 'var(--border)';
export const TOOLTIP_STYLE = { background: 'var(--surface-raised)', border: '1px solid var(--border)', color: 'var(--text)' };
