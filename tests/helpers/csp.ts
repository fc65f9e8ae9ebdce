/**
 * A Content-Security-Policy as directive → sources, read the way a browser
 * splits it (directive names are case-insensitive), independently of the
 * code that writes the policy.
 */
export function cspDirectives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}
