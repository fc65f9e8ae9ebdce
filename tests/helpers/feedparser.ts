import { execFileSync } from 'node:child_process';

/** Debian's python3 with python3-feedparser (the pyenv one on PATH may lack it); `.ci/run` installs it. */
export const FEEDPARSER_PYTHON = process.env['FEEDPARSER_PYTHON'] ?? '/usr/bin/python3';

/** A feed as Python's feedparser, which feed readers' authors test against, reads it. */
export interface ParsedFeed {
  file: string;
  /** 0 when the feed is well-formed and feedparser had nothing to correct. */
  bozo: number;
  bozoException: string | null;
  /** `rss20` for RSS 2.0. */
  version: string;
  title: string;
  link: string;
  entries: { title: string; link: string; id: string; summary: string; authors: string[]; tags: string[] }[];
}

const SCRIPT = String.raw`
import json, os, sys, feedparser
out = []
for file in json.load(sys.stdin):
    if not os.path.isfile(file):
        sys.exit("no such feed: " + file)
    d = feedparser.parse(file)
    out.append({
        "file": file,
        "bozo": int(d.bozo),
        "bozoException": repr(d.get("bozo_exception")) if d.bozo else None,
        "version": d.version,
        "title": d.feed.get("title", ""),
        "link": d.feed.get("link", ""),
        "entries": [{
            "title": e.get("title", ""),
            "link": e.get("link", ""),
            "id": e.get("id", ""),
            "summary": e.get("summary", ""),
            "authors": [a.get("name", "") for a in e.get("authors", [])],
            "tags": [t.get("term", "") for t in e.get("tags", [])],
        } for e in d.entries],
    })
json.dump(out, sys.stdout)
`;

/**
 * Parses every feed file with feedparser in one Python process, so hundreds of feeds cost one
 * start-up. Paths are absolute.
 */
export function parseFeeds(files: readonly string[]): ParsedFeed[] {
  const output = execFileSync(FEEDPARSER_PYTHON, ['-c', SCRIPT], {
    input: JSON.stringify(files),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(output) as ParsedFeed[];
}
