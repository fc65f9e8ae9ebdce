/**
 * The ratios the archive benchmark prints and the targets of issue 21 judged
 * on them. Pure: the figures come in, the verdicts go out.
 */

export type Site = 'full' | 'bare' | 'hugo';
export const KINDS = ['cold', 'rebuild-all', 'one-story'] as const;
export type Kind = (typeof KINDS)[number];

/** What a ratio needs of a build. */
export interface MeasuredBuild {
  site: Site;
  kind: Kind;
  ok: boolean;
  wallSeconds: number;
  peakRssMB: number;
  pagesPerSecond: number;
}

export interface Ratio {
  wall: number;
  peakRss: number;
  pagesPerSecond: number;
}

const round3 = (n: number) => Number(n.toFixed(3));

function find(runs: readonly MeasuredBuild[], site: Site, kind: Kind): MeasuredBuild | undefined {
  return runs.find((r) => r.site === site && r.kind === kind && r.ok);
}

/** `site` over `baseline` for each build kind both finished; null where either is missing or failed. */
export function ratiosPerKind(
  runs: readonly MeasuredBuild[],
  site: Site,
  baseline: Site,
  kinds: readonly Kind[],
): Record<string, Ratio | null> {
  return Object.fromEntries(
    kinds.map((kind) => {
      const a = find(runs, site, kind);
      const b = find(runs, baseline, kind);
      return [
        kind,
        a && b
          ? {
              wall: round3(a.wallSeconds / b.wallSeconds),
              peakRss: round3(a.peakRssMB / b.peakRssMB),
              pagesPerSecond: round3(a.pagesPerSecond / b.pagesPerSecond),
            }
          : null,
      ];
    }),
  );
}

export interface TargetVerdict {
  /** What is compared, as the table prints it. */
  name: string;
  /** The wall-time ratio; null when a build it needs was not run or failed. */
  value: number | null;
  /** The target: value ≤ limit. */
  limit: number;
  /** Where the issue hopes to get, beyond the limit. */
  aim?: number;
  /** null when the value is missing. */
  met: boolean | null;
}

interface TargetRule {
  name: string;
  site: Site;
  kind: Kind;
  baseline: Site;
  baselineKind: Kind;
  limit: number;
  aim?: number;
}

/** Issue 21's targets (judged at N = 10,000 with no images; other runs show the trend only). */
const ISSUE_21_TARGETS: readonly TargetRule[] = [
  {
    name: 'one-story full ÷ cold hugo',
    site: 'full',
    kind: 'one-story',
    baseline: 'hugo',
    baselineKind: 'cold',
    limit: 2,
    aim: 1,
  },
  { name: 'cold full ÷ cold bare', site: 'full', kind: 'cold', baseline: 'bare', baselineKind: 'cold', limit: 0.75 },
  {
    name: 'rebuild-all full ÷ rebuild-all bare',
    site: 'full',
    kind: 'rebuild-all',
    baseline: 'bare',
    baselineKind: 'rebuild-all',
    limit: 0.35,
  },
];

/** Each of issue 21's targets with its wall-time ratio in these runs and whether it holds. */
export function judgeTargets(runs: readonly MeasuredBuild[]): TargetVerdict[] {
  return ISSUE_21_TARGETS.map((rule) => {
    const a = find(runs, rule.site, rule.kind);
    const b = find(runs, rule.baseline, rule.baselineKind);
    const value = a && b ? round3(a.wallSeconds / b.wallSeconds) : null;
    return {
      name: rule.name,
      value,
      limit: rule.limit,
      ...(rule.aim === undefined ? {} : { aim: rule.aim }),
      met: value === null ? null : value <= rule.limit,
    };
  });
}

/** One line of the table's closing block, e.g. `one-story full ÷ cold hugo: 1.52 (target ≤ 2, aim 1): met`. */
export function formatVerdict(v: TargetVerdict): string {
  const target = `target ≤ ${v.limit}${v.aim === undefined ? '' : `, aim ${v.aim}`}`;
  if (v.value === null) return `${v.name}: not measured (${target})`;
  return `${v.name}: ${v.value.toFixed(2)} (${target}): ${v.met ? 'met' : 'NOT met'}`;
}
