/**
 * Activity storage on both databases (embedded PGlite and a PostgreSQL server):
 * migration 003, idempotent upserts by key, date-ordered paging, scopes, and the
 * cascade that erases a member's activity with the member.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Activity } from '../../src/core/activity/activity.ts';
import { hashActivity } from '../../src/ingest/ingest-activity.ts';
import { hashProfile } from '../../src/ingest/ingest-roster.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge-files.ts';
import { parseMemberProfile } from '../../src/core/profile/profile-parser.ts';
import { vectorizeMember } from '../../src/core/vectors/member-vectorizer.ts';
import { openDatabase, type Database } from '../../src/storage/database.ts';
import { createActivityStore, type ActivityRecord } from '../../src/storage/activity-store.ts';
import { createMemberStore } from '../../src/storage/member-store.ts';
import { TEST_DIALECTS, type TestDatabase } from '../support/test-databases.ts';

const knowledge = loadKnowledge();

function record(activity: Activity): ActivityRecord {
  const contentHash = hashActivity(activity);
  return { key: activity.externalId ? `id:${activity.externalId}` : `h:${contentHash}`, contentHash, activity };
}
const meeting = (from: string, to: string, date: string, rating = 4, id: string | null = null): Activity => ({ kind: 'meeting', externalId: id, from, to, date, rating });
const referral = (from: string, to: string, date: string, status: 'won' | 'passed', id: string | null = null): Activity => ({
  kind: 'referral', externalId: id, from, to, date, status, valueEur: status === 'won' ? 1234.5 : null, valueAmount: status === 'won' ? 1234.5 : null, valueCurrency: status === 'won' ? 'EUR' : null,
});

for (const dialect of TEST_DIALECTS) {
  describe.skipIf(!dialect.available)(`activity storage on ${dialect.name}`, () => {
    let testDb: TestDatabase;
    let database: Database;

    beforeEach(async () => {
      testDb = await dialect.create();
      database = await openDatabase(testDb.options);
      const members = createMemberStore(database.db);
      await members.saveMembers(
        [['a', 'n1'], ['b', 'n1'], ['c', 'n2']].map(([id, network]) => {
          const parsed = parseMemberProfile({ id, name: `Member ${id}`, services: 'rekrytering', network, language: 'sv' });
          if (!parsed.success) throw new Error('bad fixture');
          return { profile: parsed.profile, contentHash: hashProfile(parsed.profile), vector: vectorizeMember(parsed.profile, knowledge) };
        }),
      );
    });
    afterEach(async () => {
      await database?.close();
      await testDb?.drop();
    });

    it('stores rows once, updates a row with the same id, and reads them back in date order', async () => {
      const store = createActivityStore(database.db);
      const rows = [meeting('a', 'b', '2026-03-01'), referral('b', 'a', '2026-01-15', 'passed', 'r1'), meeting('c', 'a', '2026-02-01', 2)];
      expect(await store.saveActivities(rows.map(record))).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
      expect(await store.saveActivities(rows.map(record))).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
      expect(await store.saveActivities([record(referral('b', 'a', '2026-01-15', 'won', 'r1'))])).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
      const read: Activity[] = [];
      for await (const a of store.iterateActivities({}, 2)) read.push(a);
      expect(read.map((a) => a.date)).toEqual(['2026-01-15', '2026-02-01', '2026-03-01']);
      expect(read[0]).toEqual(referral('b', 'a', '2026-01-15', 'won', 'r1'));
      expect(read[2]).toEqual(meeting('a', 'b', '2026-03-01'));
      expect(await store.latestDate()).toBe('2026-03-01');
      expect(await store.countActivities({ network: 'n2' })).toBe(1);
      expect(await store.countActivities({ member: 'b' })).toBe(2);
      expect(await store.latestDate({ network: 'n2' })).toBe('2026-02-01');
    });

    it('knows which members exist, and erases a member\'s activity with the member', async () => {
      const store = createActivityStore(database.db);
      expect(await store.memberLanguages(['a', 'zz'])).toEqual(new Map([['a', 'sv']]));
      await store.saveActivities([meeting('a', 'b', '2026-03-01'), meeting('c', 'a', '2026-03-02'), meeting('b', 'c', '2026-03-03')].map(record));
      await sql`delete from members where id = 'a'`.execute(database.db);
      expect(await store.countActivities()).toBe(1);
    });

    it('refuses a row for a member that does not exist, and the whole batch with it', async () => {
      const store = createActivityStore(database.db);
      await expect(store.saveActivities([record(meeting('a', 'b', '2026-03-01')), record(meeting('a', 'ghost', '2026-03-01'))])).rejects.toThrow();
      expect(await store.countActivities()).toBe(0);
    });
  });
}
