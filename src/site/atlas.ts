import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { AreaFeature, Atlas } from '../outputs/locator-map.ts';

/**
 * The outlines locator maps are drawn from, read once per build. Resolved
 * through Node rather than imported, so Vite neither inlines a megabyte of
 * JSON into the server bundle nor parses it as a module.
 */

const require = createRequire(import.meta.url);

function outlines(file: string, object: string): AreaFeature[] {
  const topology = JSON.parse(readFileSync(require.resolve(file), 'utf8')) as Topology;
  const geometries = topology.objects[object] as GeometryCollection<{ name: string }> | undefined;
  if (!geometries) throw new Error(`${file}: no object "${object}"`);
  // A geometry without coordinates (some atlases carry one) has nothing to draw or contain.
  return feature(topology, geometries).features.filter(
    (f): f is AreaFeature => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon',
  );
}

let atlas: Atlas | undefined;

export function getAtlas(): Atlas {
  atlas ??= {
    states: outlines('us-atlas/states-10m.json', 'states'),
    countries: outlines('world-atlas/countries-50m.json', 'countries'),
  };
  return atlas;
}

/** A package's package.json: exported by most, else found above its entry point (d3's packages hide it). */
function manifestOf(name: string): { name?: string; version: string } {
  const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version: string };
  try {
    return read(require.resolve(`${name}/package.json`));
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') throw error;
  }
  for (let dir = path.dirname(require.resolve(name)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file) && read(file).name === name) return read(file);
  }
  throw new Error(`no package.json of ${name} above ${require.resolve(name)}`);
}

const packageVersions = (names: string[]) => names.map((name) => `${name}@${manifestOf(name).version}`).join(' ');

/**
 * The outline packages' versions: part of each map file's incremental-build
 * key, since the outlines are read here rather than through Vite's module graph.
 */
export const ATLAS_VERSION = packageVersions(['us-atlas', 'world-atlas']);

/** The versions of the packages that turn the outlines into areas and measure them. */
export const OUTLINE_CODE_VERSION = packageVersions(['topojson-client', 'd3-geo']);
