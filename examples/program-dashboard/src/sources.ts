/**
 * Where each panel's figures come from: one SDK call per panel, and the function that turns its
 * answer into what the panel shows (panels.ts), in either language. The page keeps the answer and
 * redraws in the other language without asking the gateway again.
 */
import type { JembatanClient } from '@jembatan/sdk';
import type { MessageKey, Lang } from './i18n';
import type { PanelId, PanelModel } from './model';
import {
  COST_DIMENSIONS,
  costPerPlacementPanel,
  funnelPanel,
  placementCostsPanel,
  quotaFillPanel,
  TREND_LINES,
  trendsPanel,
  type CostDimension,
} from './panels';
import { lastWholeMonths } from './period';

/** Trends and the funnel cover this many whole months before the page's date. */
export const PERIOD_MONTHS = 12;

/** The reader's choices on the page (`by` of cost per placement), by control key. */
export type Choices = Readonly<Record<string, string>>;

/** Draws the panel from the answer already read, in a language, with the reader's choices. */
export type PanelBuilder = (lang: Lang, choices: Choices) => PanelModel;

export interface PanelSource {
  readonly id: PanelId;
  readonly title: MessageKey;
  /** `today` is the WIB date the page's period is computed from (the last whole months before it). */
  load(client: JembatanClient, today: string): Promise<PanelBuilder>;
}

/** The trends the page asks for (besides the period): the series of TREND_LINES, by month, no breakdown. */
export const TRENDS_VARIABLES = {
  series: [...new Set(TREND_LINES.map((l) => l.series))],
  stages: TREND_LINES.flatMap((l) => (l.stage ? [l.stage] : [])),
  granularity: 'MONTH',
} as const satisfies Partial<Parameters<JembatanClient['aggregates']['trends']>[0]>;

/** The dimension chosen for cost per placement (OCCUPATION until the reader picks another). */
export function costDimensionOf(value: string | undefined): CostDimension {
  return (COST_DIMENSIONS as readonly string[]).includes(value ?? '') ? (value as CostDimension) : 'OCCUPATION';
}

export const PANELS: readonly PanelSource[] = [
  {
    id: 'quota-fill',
    title: 'quotaFill',
    load: async (client) => {
      const q = await client.aggregates.quotaFill();
      return (lang) => quotaFillPanel(lang, q);
    },
  },
  {
    id: 'funnel',
    title: 'funnel',
    load: async (client, today) => {
      const f = await client.aggregates.funnel({ registered: lastWholeMonths(today, PERIOD_MONTHS) });
      return (lang) => funnelPanel(lang, f);
    },
  },
  {
    id: 'trends',
    title: 'trends',
    load: async (client, today) => {
      const tr = await client.aggregates.trends({ ...TRENDS_VARIABLES, ...lastWholeMonths(today, PERIOD_MONTHS) });
      return (lang) => trendsPanel(lang, tr);
    },
  },
  {
    id: 'cost-per-placement',
    title: 'costPerPlacement',
    // one request per dimension, read together: the select then switches without waiting
    load: async (client) => {
      const answers = await Promise.all(COST_DIMENSIONS.map((d) => client.aggregates.costPerPlacement({ by: [d] })));
      const byDimension = new Map(COST_DIMENSIONS.map((d, i) => [d, answers[i]!] as const));
      return (lang, choices) => {
        const by = costDimensionOf(choices.by);
        return costPerPlacementPanel(lang, by, byDimension.get(by)!);
      };
    },
  },
  {
    id: 'placement-costs',
    title: 'placementCosts',
    load: async (client) => {
      const p = await client.aggregates.placementCosts();
      return (lang) => placementCostsPanel(lang, p);
    },
  },
];
