/** The map's layout and line selection: pure functions, checked without a browser. */
import { describe, expect, it } from 'vitest';
import { clusterLayout, strongestPerMember } from '../../web/src/map-layout.ts';

const AREAS = ['people', 'it', 'money-law', 'health', null];

function network(size: number) {
  return Array.from({ length: size }, (_, i) => ({ id: `m-${String(i).padStart(4, '0')}`, area: AREAS[(i * 7) % AREAS.length]! }));
}

describe('clusterLayout', () => {
  it('places every member once, apart from the others, the same way every time', () => {
    const nodes = network(300);
    const first = clusterLayout(nodes);
    expect(first.size).toBe(300);
    expect([...clusterLayout([...nodes].reverse()).entries()].sort()).toEqual([...first.entries()].sort());
    const points = [...first.values()];
    let closest = Infinity;
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) closest = Math.min(closest, Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y));
    }
    expect(closest).toBeGreaterThan(15);
  });

  it('keeps an area together: members are nearer their own cluster than the others', () => {
    const nodes = network(200);
    const positions = clusterLayout(nodes);
    const centre = (area: string | null) => {
      const own = nodes.filter((n) => n.area === area).map((n) => positions.get(n.id)!);
      return { x: own.reduce((s, p) => s + p.x, 0) / own.length, y: own.reduce((s, p) => s + p.y, 0) / own.length };
    };
    const centres = new Map(AREAS.map((a) => [a, centre(a)]));
    for (const node of nodes) {
      const p = positions.get(node.id)!;
      const distances = [...centres.entries()].map(([area, c]) => ({ area, d: Math.hypot(p.x - c.x, p.y - c.y) })).sort((a, b) => a.d - b.d);
      expect(distances[0]!.area).toBe(node.area);
    }
  });

  it('lays out 1,000 members in well under the time of a frame budget', () => {
    const nodes = network(1000);
    const started = performance.now();
    clusterLayout(nodes);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('strongestPerMember', () => {
  it('keeps the strongest lines until both ends have their share, so nobody is left without one', () => {
    const edges = [
      { a: 'a', b: 'b', score: 0.9 },
      { a: 'a', b: 'c', score: 0.8 },
      { a: 'a', b: 'd', score: 0.7 },
      { a: 'b', b: 'c', score: 0.6 },
      { a: 'd', b: 'e', score: 0.5 },
    ];
    const kept = strongestPerMember(edges, 1);
    expect(kept.map((e) => `${e.a}${e.b}`)).toEqual(['ab', 'ac', 'ad', 'de']);
    expect(strongestPerMember(edges, 5)).toHaveLength(5);
  });
});
