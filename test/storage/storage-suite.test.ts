/**
 * The storage suite: the same tests on embedded PGlite and on a PostgreSQL server
 * (see support/test-databases.ts). Migrations, idempotent upserts, whole-batch
 * transactions, vector versions.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPartnerfit, type Partnerfit } from '../../src/app/partnerfit.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge-files.ts';
import { parseMemberProfile } from '../../src/core/profile/profile-parser.ts';
import { vectorizeMember } from '../../src/core/vectors/member-vectorizer.ts';
import { databaseOptionsFromEnv, openDatabase, PGLITE_SHARED_BUFFERS, type Database } from '../../src/storage/database.ts';
import { createMemberStore, type MemberRecord } from '../../src/storage/member-store.ts';
import { hashProfile } from '../../src/ingest/ingest-roster.ts';
import { TEST_DIALECTS, type TestDatabase } from '../support/test-databases.ts';
import { sql } from 'kysely';

const FOUR_LANGUAGES = fileURLToPath(new URL('../fixtures/four-languages.csv', import.meta.url));
const knowledge = loadKnowledge();

function memberRecord(id: string, services: string, network = 'net-a'): MemberRecord {
  const parsed = parseMemberProfile({ id, name: `Member ${id}`, services, network });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
  return { profile: parsed.profile, contentHash: hashProfile(parsed.profile), vector: vectorizeMember(parsed.profile, knowledge) };
}

for (const dialect of TEST_DIALECTS) {
  describe.skipIf(!dialect.available)(`storage on ${dialect.name}`, () => {
    let testDb: TestDatabase;
    let database: Database;
    let app: Partnerfit;

    beforeEach(async () => {
      testDb = await dialect.create();
      database = await openDatabase(testDb.options);
      app = await createPartnerfit({ database });
    });
    afterEach(async () => {
      await app?.close();
      await database?.close();
      await testDb?.drop();
    });

    it('runs the migrations again without change', async () => {
      await app.ingest(FOUR_LANGUAGES);
      // Migrating an up-to-date schema is a no-op and keeps the data.
      const { Migrator } = await import('kysely');
      const { migrationProvider } = await import('../../src/storage/migrations/index.ts');
      const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(database.db)).rows[0]!.s;
      const result = await new Migrator({
        db: database.db,
        provider: migrationProvider,
        migrationTableName: 'partnerfit_migrations',
        migrationLockTableName: 'partnerfit_migrations_lock',
        migrationTableSchema: schema,
      }).migrateToLatest();
      expect(result.error).toBeUndefined();
      expect(result.results).toEqual([]);
      expect(await app.countMembers()).toBe(8);
    });

    it('stores a roster and reports new members', async () => {
      const report = await app.ingest(FOUR_LANGUAGES);
      expect(report).toMatchObject({ accepted: 8, updated: 0, unchanged: 0, rejected: [] });
      expect(await app.countMembers()).toBe(8);
      expect(await app.countMembers('oresund')).toBe(4);
      const anna = await app.inspect('sv-1');
      expect(anna.name).toBe('Anna Åkesson');
      expect(anna.vectors.current).toBe(true);
    });

    it('re-ingesting the same file changes nothing', async () => {
      await app.ingest(FOUR_LANGUAGES);
      const before = await app.inspect('de-2');
      const again = await app.ingest(FOUR_LANGUAGES);
      expect(again).toMatchObject({ accepted: 8, updated: 0, unchanged: 8, rejected: [] });
      const after = await app.inspect('de-2');
      expect(after.updatedAt).toBe(before.updatedAt);
      expect(await app.countMembers()).toBe(8);
    });

    it('updates a member when the same id comes with a changed profile', async () => {
      const store = createMemberStore(database.db);
      expect((await store.saveMembers([memberRecord('m1', 'rekrytering')])).inserted).toEqual(['m1']);
      const second = await store.saveMembers([memberRecord('m1', 'bokföring'), memberRecord('m2', 'golf')]);
      expect(second).toEqual({ inserted: ['m2'], updated: ['m1'], unchanged: [] });
      const m1 = await store.getMember('m1');
      expect(m1?.profile.services).toEqual(['bokföring']);
      expect(m1?.vector?.services[0]?.id).toBe('svc.accounting');
    });

    it('stores a batch whole or not at all', async () => {
      const store = createMemberStore(database.db);
      const good = memberRecord('ok-1', 'rekrytering');
      // A vector that PostgreSQL refuses (a NUL character in jsonb) fails the whole batch.
      const broken = memberRecord('bad-1', 'bokföring');
      const poisoned = { ...broken, vector: { ...broken.vector, version: 'x\u0000y' } };
      await expect(store.saveMembers([good, poisoned])).rejects.toThrow();
      expect(await store.getMember('ok-1')).toBeNull();
      expect(await store.countMembers()).toBe(0);
    });

    it('rebuilds vectors of another version', async () => {
      await app.ingest(FOUR_LANGUAGES);
      await database.db.updateTable('member_vectors').set({ version: 'v0-old' }).where('member_id', 'in', ['sv-1', 'da-1']).execute();
      const stale = await createMemberStore(database.db).staleProfiles('nonexistent', 100);
      expect(stale).toHaveLength(8);
      expect(await app.refreshVectors()).toBe(2);
      expect(await app.refreshVectors()).toBe(0);
      expect((await app.inspect('sv-1')).vectors.current).toBe(true);
    });

    it('pages through members in id order', async () => {
      await app.ingest(FOUR_LANGUAGES);
      const ids: string[] = [];
      for await (const m of createMemberStore(database.db).iterateMembers(undefined, 3)) ids.push(m.profile.id);
      expect(ids).toEqual([...ids].sort());
      expect(ids).toHaveLength(8);
      const count = await sql<{ n: string }>`select count(*) as n from partnerfit_migrations`.execute(database.db);
      expect(Number(count.rows[0]?.n)).toBeGreaterThan(0);
    });
  });
}

describe('the embedded database', () => {
  it('starts with a small buffer pool (settable), and refuses a size it cannot read', async () => {
    const shown = async (options: Parameters<typeof openDatabase>[0]) => {
      const database = await openDatabase(options);
      try {
        return (await sql<{ shared_buffers: string }>`show shared_buffers`.execute(database.db)).rows[0]!.shared_buffers;
      } finally {
        await database.close();
      }
    };
    expect(await shown({ directory: 'memory://' })).toBe(PGLITE_SHARED_BUFFERS);
    expect(await shown({ ...databaseOptionsFromEnv({ PARTNERFIT_DB: 'memory://', PARTNERFIT_PGLITE_SHARED_BUFFERS: '16MB' }) })).toBe('16MB');
    for (const size of ['lots', '64kB', '2GB', '32 MB']) {
      await expect(openDatabase({ directory: 'memory://', sharedBuffers: size })).rejects.toThrow(`PARTNERFIT_PGLITE_SHARED_BUFFERS must be a size from 128kB to 1GB, such as 32MB (got "${size}")`);
    }
  }, 60_000);
});
