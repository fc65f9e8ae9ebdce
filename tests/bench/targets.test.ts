import { describe, expect, it } from 'vitest';
import {
  formatIssue22,
  formatVerdict,
  issue22Figures,
  judgeTargets,
  ratiosPerKind,
  type MeasuredBuild,
} from '../../bench/lib/targets.ts';

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

describe('issue22Figures', () => {
  it('sets the one-entry build against one-story and against cold hugo, all of the full site but the baseline', () => {
    const runs = [
      run('full', 'one-story', 20),
      run('full', 'one-entry', 18),
      run('hugo', 'cold', 6),
      run('hugo', 'one-story', 1),
    ];
    const f = issue22Figures(runs);
    expect(f).toEqual({ oneEntry: 18, oneStory: 20, ratio: 0.9, hugoCold: 6, ratioToHugoCold: 3 });
    expect(formatIssue22(f)).toBe('one-entry publish: 18.0 s = 0.90 × one-story (full), 3.00 × cold hugo');
  });

  it('says what was not measured', () => {
    const f = issue22Figures([run('full', 'one-entry', 18), run('full', 'one-story', 20, false)]);
    expect(f).toMatchObject({ ratio: null, ratioToHugoCold: null });
    expect(formatIssue22(f)).toBe('one-entry publish: 18.0 s (one-story not measured), cold hugo not measured');
    expect(formatIssue22(issue22Figures([]))).toBe('one-entry publish: not measured');
  });
});
