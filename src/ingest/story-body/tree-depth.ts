/** A node of a parsed body, as far as its depth is concerned. */
interface TreeNode {
  children?: readonly TreeNode[] | undefined;
  position?: { start?: { line?: number } } | undefined;
}

/**
 * The first node found more than `max` levels below `root`, looked for without recursion (the
 * tree may be deep enough to exhaust the stack); undefined when there is none. The body scan
 * (src/ingest/body-limits.ts) refuses deep nesting before a body is parsed; this is the
 * guard for whatever nests in a way that scan does not see, before anything walks the tree
 * recursively.
 */
export function nodeDeeperThan<T extends TreeNode>(root: T, max: number): T | undefined {
  const stack: [T, number][] = [[root, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    if (depth > max) return node;
    for (const child of (node.children ?? []) as T[]) stack.push([child, depth + 1]);
  }
  return undefined;
}
