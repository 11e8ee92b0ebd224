/**
 * The speed-dating comparison (Fisman & Iyengar, in ../shared/data/speed-dating when
 * present; optional): each encounter's two one-sided ratings ("how much do you like
 * this person", 1–10, each side about the other) are combined by each reciprocal rule,
 * and the AUC says how well the combination predicts a mutual match (both said yes).
 * Each unordered pair counts once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { auc } from '../core/evaluation/ranking-metrics.ts';
import { RECIPROCAL_RULES, combineByRule, type ReciprocalRule } from '../core/evaluation/reciprocal-rules.ts';

export const SPEED_DATING_FILE = '../shared/data/speed-dating/SpeedDatingData.csv';

export interface SpeedDatingResult {
  readonly file: string;
  readonly pairs: number;
  readonly matches: number;
  /** AUC of each rule for predicting a match from the two `like` ratings. */
  readonly auc: Readonly<Record<ReciprocalRule, number>>;
  readonly best: ReciprocalRule;
}

export function evaluateSpeedDating(file: string = SPEED_DATING_FILE): SpeedDatingResult | null {
  if (!existsSync(file)) return null;
  const rows = parse(iconv.decode(readFileSync(file), 'latin1'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const pairs = new Map<string, { like: number; likeO: number; match: boolean }>();
  for (const row of rows) {
    const iid = Number(row.iid);
    const pid = Number(row.pid);
    const like = Number(row.like);
    const likeO = Number(row.like_o);
    if (!Number.isFinite(iid) || !Number.isFinite(pid) || row.like === '' || row.like_o === '' || !Number.isFinite(like) || !Number.isFinite(likeO)) continue;
    const key = iid < pid ? `${iid}-${pid}` : `${pid}-${iid}`;
    if (!pairs.has(key)) pairs.set(key, { like: clamp(like / 10), likeO: clamp(likeO / 10), match: row.match === '1' });
  }
  const list = [...pairs.values()];
  const labels = list.map((p) => p.match);
  const result = {} as Record<ReciprocalRule, number>;
  for (const rule of RECIPROCAL_RULES) {
    result[rule] = Math.round(auc(list.map((p) => combineByRule(p.like, p.likeO, rule)), labels) * 10000) / 10000;
  }
  const best = [...RECIPROCAL_RULES].sort((a, b) => result[b] - result[a])[0]!;
  return { file, pairs: list.length, matches: labels.filter(Boolean).length, auc: result, best };
}

function clamp(x: number): number {
  return Math.min(1, Math.max(0, x));
}
