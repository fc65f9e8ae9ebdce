import { describe, expect, it } from 'vitest';
import { placeMap, placeMapImage, placeMapPath, type MappablePlace } from '../../src/site/maps.ts';

const place = (name: string, lat: number, lon: number, country: string, region?: string): MappablePlace => ({
  id: name.toLowerCase().replace(/\W+/g, '-'),
  name,
  label: `${name}, ${region ?? country}`,
  lat,
  lon,
  country,
  region,
});

describe('placeMapImage', () => {
  it('describes the map the map file draws, without a page drawing it', () => {
    for (const p of [
      place('Albuquerque', 35.0844, -106.6504, 'US', 'NM'),
      place('Suva', -18.1416, 178.4419, 'FJ'),
      place('Mid-Atlantic buoy', 30, -40, 'XX'),
    ]) {
      const map = placeMap(p)!;
      expect(placeMapImage(p)).toEqual({ src: placeMapPath(p.id), alt: map.alt, width: map.width, height: map.height });
    }
    expect(placeMapImage(place('Albuquerque', 35.0844, -106.6504, 'US', 'NM'))!.alt).toMatch(/, in New Mexico$/);
  });

  it('gives no image for a place without coordinates', () => {
    expect(placeMapImage({ id: 'x', name: 'Nowhere', label: 'Nowhere', country: 'US' })).toBeUndefined();
  });
});
