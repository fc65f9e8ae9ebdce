import type { Root } from 'hast';
import { z } from 'astro/zod';
import { articleSchema, locationSchema, type ArticleFrontmatter } from '../schemas/article.ts';
import type { EmbedProviders } from '../model/embeds.ts';
import { slug } from '../model/slug.ts';
import { didYouMean } from '../model/spelling.ts';
import type { Coordinates } from '../model/gazetteer.ts';
import { lookupPlace } from './gazetteer-lookup.ts';
import type { Problem } from './problems.ts';
import type { PeopleIndex } from './registries.ts';
import { renderCheckedBody } from './story-body-check.ts';
import type { BodyReferences } from './story-body/render.ts';
import { figuresIn } from './story-body/figures.ts';
import { figureLines, refusalMessage, StoryPictures } from './story-pictures.ts';
import { readFrontmatterChecked } from './frontmatter-check.ts';
import { bodyLimitIssues } from './body-limits.ts';

const rawArticleSchema = articleSchema(z.string().min(1));

export interface StoryCheckContext {
  authors: ReadonlySet<string>;
  sections: ReadonlySet<string>;
  people: PeopleIndex;
  /** The hosts `<Embed>` may load from: `embeds` in content/site.yaml (readEmbeds). */
  embeds: EmbedProviders;
  /** Absolute folder of the article file, for images beside it. */
  dir: string;
  /** Parse bodies too (default true). */
  bodies?: boolean;
}

/** Validates one story file's text: frontmatter schema, registry references, images, body. */
export interface StoryAnalysis {
  problems: Problem[];
  /** The validated frontmatter, when it has no errors. */
  data?: ArticleFrontmatter;
  /** The rendered body, sanitised (story-body/allowlist.ts), when bodies were asked for and it has no errors. */
  body?: Root;
  /** The pictures the story shows, as written (`image.src`, then each `<Figure src>`), all found fit. */
  pictures?: string[];
}

/**
 * Reads one story file once: frontmatter (fast reader, positions only when
 * something is wrong), schema, registry references, images, body. The story
 * loader stores what this returns; `npm run check` reports its problems.
 */
export function analyzeStory(file: string, text: string, ctx: StoryCheckContext): StoryAnalysis {
  const reading = readFrontmatterChecked(file, text, rawArticleSchema);
  const { problems, parts, raw, lines } = reading;
  if (!parts || !reading.checked) return { problems };
  const result =
    reading.data === undefined ? { success: false as const } : { success: true as const, data: reading.data };
  const at = (field: (string | number)[], message: string, hint?: string) =>
    problems.push({ severity: 'error', file, line: lines().lineOf(field), field: field.join('.'), message, hint });
  // An id that is not there is most often a slip of the keyboard, so the hint names the id
  // meant; but a new author or person is a fix too, so it still says how to add one.
  const meant = (id: string, known: Iterable<string>, fix: string, otherwise = fix) => {
    const suggestion = didYouMean(id, known);
    return suggestion ? `${suggestion} If not, ${fix}` : otherwise;
  };
  const unknownAuthor = (field: (string | number)[], id: string, otherwise?: string) => {
    const hint = meant(id, ctx.authors, `add content/authors/${id}.yaml`, otherwise);
    at(field, `no author "${id}" in content/authors/`, hint);
  };
  if (Array.isArray(raw['authors'])) {
    raw['authors'].forEach((id, i) => {
      if (typeof id === 'string' && !ctx.authors.has(id)) {
        const known = [...ctx.authors].join(', ');
        unknownAuthor(['authors', i], id, `add content/authors/${id}.yaml or use one of: ${known}`);
      }
    });
  }
  if (Array.isArray(raw['contributors'])) {
    raw['contributors'].forEach((c, i) => {
      const id = (c as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && !ctx.authors.has(id)) unknownAuthor(['contributors', i, 'id'], id);
    });
  }
  if (raw['entries'] !== undefined) {
    at(['entries'], 'is not a frontmatter field', "a live story's entries are files in its entries/ folder");
  }
  const section = raw['section'];
  if (typeof section === 'string' && !ctx.sections.has(section)) {
    const otherwise = `use one of: ${[...ctx.sections].join(', ')}`;
    at(['section'], `no section "${section}" in content/sections/`, didYouMean(section, ctx.sections) ?? otherwise);
  }
  const pictures = new StoryPictures(file, ctx.dir);
  const imageSrc = (raw['image'] as { src?: unknown } | undefined)?.src;
  if (typeof imageSrc === 'string') {
    const refused = pictures.refusal(imageSrc);
    if (refused) at(['image', 'src'], refusalMessage(imageSrc, refused), refused.hint);
  }

  // People: an id must name a registry entry, and a name two entries answer to needs an id.
  if (Array.isArray(raw['officials'])) {
    raw['officials'].forEach((o, i) => {
      const { name, id } = (o ?? {}) as { name?: unknown; id?: unknown };
      if (typeof id === 'string') {
        // An id that is not an id at all is the schema's to report.
        if (slug(id) === id && !ctx.people.ids.has(id)) {
          const fix = `create content/people/${id}.yaml, or remove id to go by the name`;
          at(['officials', i, 'id'], `no person "${id}" in content/people/`, meant(id, ctx.people.ids, fix));
        }
      } else if (id === undefined && typeof name === 'string') {
        const candidates = ctx.people.sharedNames.get(slug(name));
        if (candidates) {
          at(
            ['officials', i, 'name'],
            `"${name}" could be any of ${candidates.length} people in content/people/: ${candidates.join(', ')}`,
            `add id: ${candidates.join(' or id: ')}`,
          );
        }
      }
    });
  }

  // A warning's line without the positional parser, when the text names it on one line only:
  // an archive can have thousands of warnings, and that parser costs a millisecond a story.
  const frontmatterLines = parts.frontmatter.split('\n');
  const uniqueLine = (text: string): number | undefined => {
    const at = frontmatterLines.flatMap((line, index) => (line.includes(text) ? [index] : []));
    return at.length === 1 ? at[0]! + 2 : undefined;
  };

  // Someone listed as quoted but never named in the story is usually a leftover from an earlier draft.
  if (Array.isArray(raw['officials'])) {
    const body = parts.body.toLowerCase();
    raw['officials'].forEach((o, i) => {
      const name = (o as { name?: unknown } | null)?.name;
      if (typeof name !== 'string' || !name.trim()) return;
      const words = name
        .trim()
        .split(/\s+/)
        .filter((w) => !/^(jr|sr|ii|iii|iv|v)\.?$/i.test(w));
      const surname = (words.at(-1) ?? name).toLowerCase();
      if (!body.includes(name.toLowerCase()) && !body.includes(surname)) {
        problems.push({
          severity: 'warning',
          file,
          line: uniqueLine(name) ?? lines().lineOf(['officials', i, 'name']),
          field: `officials.${i}.name`,
          message: `${name} is listed as quoted but never named in the story`,
          hint: 'name them in the body or remove them from officials',
        });
      }
    });
  }

  const names = (list: unknown) =>
    Array.isArray(list)
      ? list.flatMap((x) => (typeof (x as { name?: unknown })?.name === 'string' ? [(x as { name: string }).name] : []))
      : [];
  // A place without coordinates gets them from the gazetteer (loaded on the first such place);
  // one it does not know is a warning: the story goes out, its map without that pin.
  const places = result.success
    ? result.data.locations
    : Array.isArray(raw['locations'])
      ? raw['locations'].map((l) => locationSchema.safeParse(l).data)
      : [];
  const found = new Map<number, Coordinates>();
  places.forEach((place, i) => {
    if (!place || place.lat !== undefined || place.lon !== undefined) return;
    const coordinates = lookupPlace(place);
    if (coordinates) {
      found.set(i, coordinates);
      return;
    }
    const label =
      place.country === 'US'
        ? `${place.name}, ${place.region}`
        : [place.name, place.region, place.country].filter(Boolean).join(', ');
    problems.push({
      severity: 'warning',
      file,
      line: lines().lineOf(['locations', i, 'name']),
      field: `locations.${i}.name`,
      message: `"${label}" is not in the gazetteer, so its map has no pin`,
      hint: 'add lat and lon to the place',
    });
  });

  // Warnings do not hold a story back; only errors do.
  const checked = result.success && !problems.some((p) => p.severity === 'error') ? result.data : undefined;
  const valid =
    checked && found.size
      ? { ...checked, locations: checked.locations.map((place, i) => ({ ...place, ...found.get(i) })) }
      : checked;
  if (ctx.bodies === false) return { problems, ...(valid && { data: valid }) };
  const body = checkedBody(
    file,
    parts,
    { sources: names(raw['sources']), officials: names(raw['officials']) },
    {
      embeds: ctx.embeds,
      pictures,
    },
  );
  problems.push(...body.problems);
  if (!body.tree) return { problems, ...(valid && { data: valid }) };
  const shown = [...(typeof imageSrc === 'string' ? [imageSrc] : []), ...body.figures];
  return { problems, ...(valid && { data: valid }), body: body.tree, pictures: shown };
}

/**
 * A body read as the build renders it (never run): its limits first, so that nothing can
 * exhaust the reader, then the renderer's refusals, then each `<Figure>`'s picture. For a
 * story's body and for each entry of a live story alike.
 */
export function checkedBody(
  file: string,
  parts: { body: string; bodyLine: number },
  references: BodyReferences,
  context: { embeds: EmbedProviders; pictures: StoryPictures },
): { problems: Problem[]; tree?: Root; figures: string[] } {
  const problems: Problem[] = [];
  const bodyIssues = bodyLimitIssues(parts.body, file.endsWith('.mdx') ? 'mdx' : 'md');
  if (bodyIssues.length) {
    for (const { line, message, hint } of bodyIssues)
      problems.push({ severity: 'error', file, line: parts.bodyLine + line - 1, field: 'body', message, hint });
    return { problems, figures: [] };
  }
  const body = renderCheckedBody(file, parts.body, parts.bodyLine, references, file.endsWith('.mdx'), context.embeds);
  problems.push(...body.problems);
  // Figures as the renderer read them, whatever the quotes or spacing they were written with.
  const figures = body.tree === undefined ? [] : figuresIn(body.tree).map((figure) => figure.src);
  // Lines are found only for a body with a refused figure: the others never show one.
  let figureAt: number[] | undefined;
  figures.forEach((src, i) => {
    const refused = context.pictures.refusal(src);
    if (refused) {
      figureAt ??= figureLines(parts.body, parts.bodyLine, figures);
      const message = refusalMessage(`<Figure src="${src}">`, refused);
      problems.push({ severity: 'error', file, line: figureAt[i]!, field: 'body', message, hint: refused.hint });
    }
  });
  return { problems, figures, ...(body.tree && { tree: body.tree }) };
}

/** Every problem of one story file. */
export function checkStory(file: string, text: string, ctx: StoryCheckContext): Problem[] {
  return analyzeStory(file, text, ctx).problems;
}
