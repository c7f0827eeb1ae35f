// ChartConfig: each series' label and colour in one place, so a chart, its legend and its
// text table name a series the same way. Colours come from the app palette (globals.css);
// every series also differs by shape or dash, so colour is never the only cue.

export type SeriesStyle = {
  label: string;
  color: string;
  /** Stroke dash for lines ('' = solid). */
  dash?: string;
};

export type ChartConfig<K extends string> = Record<K, SeriesStyle>;

export const PALETTE = {
  primary: '#0f766e',
  primarySoft: '#dff3ef',
  danger: '#b42318',
  warning: '#92400e',
  muted: '#526072',
  grid: '#d9e0e6',
  partial: '#8fc7bf',
  slate: '#334155',
} as const;

export const ADHERENCE_CONFIG = {
  value: { label: 'Adherence', color: PALETTE.primary },
  partial: { label: 'This week so far', color: PALETTE.partial },
} satisfies ChartConfig<'value' | 'partial'>;

export const PAIN_CONFIG = {
  pain: { label: 'Daily check-in', color: PALETTE.muted },
  mean7: { label: '7-day mean', color: PALETTE.primary },
  baseline: { label: 'Baseline', color: PALETTE.slate, dash: '6 4' },
  band: { label: 'Baseline ± 2 points (no meaningful change)', color: PALETTE.primarySoft },
  revision: { label: 'Plan revised', color: PALETTE.warning, dash: '2 3' },
} satisfies ChartConfig<'pain' | 'mean7' | 'baseline' | 'band' | 'revision'>;

export const SESSION_PAIN_CONFIG = {
  before: { label: 'Pain before', color: PALETTE.muted },
  after: { label: 'Pain after', color: PALETTE.primary, dash: '5 3' },
} satisfies ChartConfig<'before' | 'after'>;

export const CLINIC_CONFIG = {
  patients: { label: 'Patients', color: PALETTE.primary },
  noData: { label: 'No data', color: '#cbd5e1' },
} satisfies ChartConfig<'patients' | 'noData'>;

/** Chart heights: shorter on phones so a chart and its summary fit on one screen. */
export const CHART_HEIGHT = { phone: 200, desktop: 260 } as const;
