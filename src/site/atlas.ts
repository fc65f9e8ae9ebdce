import { readFileSync } from 'node:fs';
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

/**
 * The outline packages' versions: part of each map file's incremental-build
 * key, since the outlines are read here rather than through Vite's module graph.
 */
export const ATLAS_VERSION = ['us-atlas', 'world-atlas']
  .map((name) => {
    const manifest = readFileSync(require.resolve(`${name}/package.json`), 'utf8');
    return `${name}@${(JSON.parse(manifest) as { version: string }).version}`;
  })
  .join(' ');
