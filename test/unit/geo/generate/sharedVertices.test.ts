import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { shareVertices } from '../../../../geo/generate/sharedVertices.ts';

const polygon = (ring: number[][]): Polygon => ({ type: 'Polygon', coordinates: [ring] });

describe('shareVertices', () => {
  // A boundary whose south edge is split between two committees meeting at (0.3, 0).
  const outline = polygon([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
  const west = polygon([[0, 0], [0.3, 0], [0.3, 1], [0, 1], [0, 0]]);
  const east = polygon([[0.3, 0], [1, 0], [1, 1], [0.3, 1], [0.3, 0]]);

  it('inserts a neighbour vertex that lies on an edge, in order along the edge', () => {
    const [shared] = shareVertices([outline, west, east]);
    expect(shared?.coordinates[0]).toEqual([[0, 0], [0.3, 0], [1, 0], [1, 1], [0.3, 1], [0, 1], [0, 0]]);
  });

  it('leaves a polygon alone when no other vertex touches its edges', () => {
    const apart = polygon([[5, 5], [6, 5], [6, 6], [5, 5]]);
    expect(shareVertices([apart, west])[0]).toEqual(apart);
  });
});
