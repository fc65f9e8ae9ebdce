import { describe, expect, it } from 'vitest';
import { formatVerdict, judgeTargets, ratiosPerKind, type MeasuredBuild } from '../../bench/lib/targets.ts';

const run = (site: MeasuredBuild['site'], kind: MeasuredBuild['kind'], wallSeconds: number, ok = true) => ({
  site,
  kind,
  ok,
  wallSeconds,
  peakRssMB: 1000,
  pagesPerSecond: 100,
});

const verdict = (runs: MeasuredBuild[], name: string) => judgeTargets(runs).find((v) => v.name === name)!;

describe('ratiosPerKind', () => {
  it('divides the site by its baseline for each kind, and leaves a kind without both builds empty', () => {
    const runs = [run('full', 'cold', 60), run('hugo', 'cold', 6), run('full', 'one-story', 12)];
    const ratios = ratiosPerKind(runs, 'full', 'hugo', ['cold', 'one-story']);
    expect(ratios['cold']?.wall).toBe(10);
    expect(ratios['one-story']).toBeNull();
  });

  it('does not count a failed build', () => {
    const runs = [run('full', 'cold', 60), run('bare', 'cold', 80, false)];
    expect(ratiosPerKind(runs, 'full', 'bare', ['cold'])['cold']).toBeNull();
  });
});

describe('judgeTargets (issue 21)', () => {
  it("judges one-story publishing against Hugo's cold build, not its one-story build", () => {
    const runs = [run('full', 'one-story', 10), run('hugo', 'cold', 6), run('hugo', 'one-story', 1)];
    const v = verdict(runs, 'one-story full ÷ cold hugo');
    expect(v.value).toBeCloseTo(1.667, 3);
    expect(v.met).toBe(true);
    expect(formatVerdict(v)).toMatch(/target ≤ 2, aim 1\): met$/);
  });

  it('marks a target not met above its limit and met at it', () => {
    const slow = [run('full', 'cold', 80), run('bare', 'cold', 100)];
    expect(verdict(slow, 'cold full ÷ cold bare').met).toBe(false);
    expect(formatVerdict(verdict(slow, 'cold full ÷ cold bare'))).toMatch(/NOT met$/);
    const atLimit = [run('full', 'rebuild-all', 35), run('bare', 'rebuild-all', 100)];
    expect(verdict(atLimit, 'rebuild-all full ÷ rebuild-all bare').met).toBe(true);
  });

  it('says a target was not measured when a build it needs is missing', () => {
    const v = verdict([run('full', 'one-story', 10)], 'one-story full ÷ cold hugo');
    expect(v).toMatchObject({ value: null, met: null });
    expect(formatVerdict(v)).toMatch(/not measured/);
  });
});
