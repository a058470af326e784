import { describe, expect, it } from 'vitest';
import { policyWithTiles, tileOrigin } from '../../src/app/securityPolicy';

describe('security policy for opted-in tiles', () => {
  const policy = "default-src 'self'; connect-src 'self' data: blob:; img-src 'self' data: blob:; object-src 'none'";
  it('adds nothing for the offline map', () => {
    expect(tileOrigin('offline')).toBeNull();
    expect(policyWithTiles(policy, null)).toBe(policy);
  });
  it('admits exactly the tile origin for images and fetches', () => {
    expect(tileOrigin('osm')).toBe('https://tile.openstreetmap.org');
    expect(tileOrigin('https://tiles.example.org/map/{z}/{x}/{y}.png?key=1')).toBe('https://tiles.example.org');
    expect(policyWithTiles(policy, 'https://tiles.example.org')).toBe(
      "default-src 'self'; connect-src 'self' data: blob: https://tiles.example.org; img-src 'self' data: blob: https://tiles.example.org; object-src 'none'",
    );
  });
});
