/**
 * Where each member sits on the map: one cluster per business area, clusters around a
 * circle (largest first), members in a sunflower spiral inside their cluster, by id.
 * Linear in the number of members and deterministic, so a 1,000-member network is laid
 * out at once (a force-directed layout takes seconds there) and the picture is the same
 * on every visit. Pure: no DOM.
 */
export interface LayoutNode {
  readonly id: string;
  readonly area: string | null;
}

export interface Position {
  readonly x: number;
  readonly y: number;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Distance between neighbouring members inside a cluster. */
const SPACING = 34;

export function clusterLayout(nodes: readonly LayoutNode[]): Map<string, Position> {
  const groups = new Map<string, string[]>();
  for (const node of nodes) {
    const key = node.area ?? '';
    const group = groups.get(key);
    if (group) group.push(node.id);
    else groups.set(key, [node.id]);
  }
  const clusters = [...groups.entries()]
    .map(([area, ids]) => ({ area, ids: ids.sort(), radius: SPACING * Math.sqrt(ids.length) + SPACING / 2 }))
    .sort((a, b) => b.ids.length - a.ids.length || a.area.localeCompare(b.area));
  const positions = new Map<string, Position>();
  // The ring must be long enough for every cluster's diameter plus a gap.
  const circumference = clusters.reduce((sum, c) => sum + 2 * c.radius + SPACING * 2, 0);
  const ring = clusters.length > 1 ? circumference / (2 * Math.PI) : 0;
  let travelled = 0;
  for (const cluster of clusters) {
    const angle = ((travelled + cluster.radius + SPACING) / circumference) * 2 * Math.PI - Math.PI / 2;
    travelled += 2 * cluster.radius + SPACING * 2;
    const cx = ring * Math.cos(angle);
    const cy = ring * Math.sin(angle);
    cluster.ids.forEach((id, i) => {
      const r = SPACING * Math.sqrt(i + 0.5);
      const theta = i * GOLDEN_ANGLE;
      positions.set(id, { x: Math.round((cx + r * Math.cos(theta)) * 10) / 10, y: Math.round((cy + r * Math.sin(theta)) * 10) / 10 });
    });
  }
  return positions;
}

export interface MapEdge {
  readonly a: string;
  readonly b: string;
  readonly score: number;
}

/**
 * The partnerships worth drawing: each member's `perMember` strongest, so a member
 * with many good partners does not hide the rest and every member keeps a line.
 */
export function strongestPerMember(edges: readonly MapEdge[], perMember: number): MapEdge[] {
  const sorted = [...edges].sort((x, y) => y.score - x.score);
  const count = new Map<string, number>();
  const kept: MapEdge[] = [];
  for (const edge of sorted) {
    const ca = count.get(edge.a) ?? 0;
    const cb = count.get(edge.b) ?? 0;
    if (ca >= perMember && cb >= perMember) continue;
    kept.push(edge);
    count.set(edge.a, ca + 1);
    count.set(edge.b, cb + 1);
  }
  return kept;
}
