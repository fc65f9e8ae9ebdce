/**
 * The ratios the archive benchmark prints, the targets of issue 21 judged on
 * them and issue 22's one-entry figure. Pure: the figures come in, the verdicts go out.
 */

export type Site = 'full' | 'bare' | 'hugo';
export const KINDS = ['cold', 'rebuild-all', 'one-story', 'one-entry'] as const;
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

/** Issue 22: adding one entry to a live story should rebuild as fast as publishing one story. */
export interface Issue22Figures {
  /** Wall seconds of the full site's one-entry build (with --repeat, the median trial's). */
  oneEntry: number | null;
  /** Wall seconds of the full site's one-story build, the same way. */
  oneStory: number | null;
  /** oneEntry ÷ oneStory. */
  ratio: number | null;
  /** Wall seconds of Hugo's cold build (issue 21's baseline for a publish). */
  hugoCold: number | null;
  /** oneEntry ÷ hugoCold. */
  ratioToHugoCold: number | null;
}

const ratioOf = (a: MeasuredBuild | undefined, b: MeasuredBuild | undefined) =>
  a && b ? round3(a.wallSeconds / b.wallSeconds) : null;

/** The full site's one-entry build against its one-story build and against Hugo's cold build; null where missing. */
export function issue22Figures(runs: readonly MeasuredBuild[]): Issue22Figures {
  const oneEntry = find(runs, 'full', 'one-entry');
  const oneStory = find(runs, 'full', 'one-story');
  const hugoCold = find(runs, 'hugo', 'cold');
  return {
    oneEntry: oneEntry?.wallSeconds ?? null,
    oneStory: oneStory?.wallSeconds ?? null,
    ratio: ratioOf(oneEntry, oneStory),
    hugoCold: hugoCold?.wallSeconds ?? null,
    ratioToHugoCold: ratioOf(oneEntry, hugoCold),
  };
}

/** The closing line for issue 22, e.g. `one-entry publish: 20.1 s = 0.97 × one-story (full), 3.10 × cold hugo`. */
export function formatIssue22(f: Issue22Figures): string {
  if (f.oneEntry === null) return 'one-entry publish: not measured';
  const vsStory = f.ratio === null ? ' (one-story not measured)' : ` = ${f.ratio.toFixed(2)} × one-story (full)`;
  const vsHugo = f.ratioToHugoCold === null ? 'cold hugo not measured' : `${f.ratioToHugoCold.toFixed(2)} × cold hugo`;
  return `one-entry publish: ${f.oneEntry.toFixed(1)} s${vsStory}, ${vsHugo}`;
}
