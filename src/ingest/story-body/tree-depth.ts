/** A node of a parsed body, as far as its depth is concerned. */
interface TreeNode {
  children?: readonly TreeNode[] | undefined;
  position?: { start?: { line?: number } } | undefined;
}

/**
 * The first node found more than `max` levels below `root`; undefined when there is none. The
 * walk goes no deeper than `max + 1` levels, so a tree deep enough to exhaust the stack of
 * whatever walks it next cannot exhaust this one's. The body scan (src/ingest/body-limits.ts)
 * refuses deep nesting before a body is parsed; this is the guard for whatever nests in a way
 * that scan does not see, before anything walks the tree without a limit.
 */
export function nodeDeeperThan<T extends TreeNode>(root: T, max: number, depth = 0): T | undefined {
  if (depth > max) return root;
  const children = root.children as T[] | undefined;
  if (!children) return undefined;
  for (let i = 0; i < children.length; i++) {
    const deep = nodeDeeperThan(children[i]!, max, depth + 1);
    if (deep) return deep;
  }
  return undefined;
}
