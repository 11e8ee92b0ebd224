/**
 * Members shipped to a worker thread as JSON text: read back, each is the member it
 * was (its vector parsed once, when first read), or with `services` only its id and
 * the service side of its vector, and an index restored over either searches as the
 * original.
 */
import { describe, expect, it } from 'vitest';
import { receiveMembers, shipMembers, type ShippedPart } from '../../src/batch/shipped-members.ts';
import { buildExactPartnerIndex, restoreExactPartnerIndex } from '../../src/core/retrieval/exact-partner-index.ts';
import { DEFAULT_SCORING_CONFIG } from '../../src/core/scoring/scoring-config.ts';
import { generatedMembers, knowledge } from '../support/demo-members.ts';

const members = generatedMembers(300, { networks: 8, seed: 53 });

describe('shipped members', () => {
  it('read back as the same members, the vector parsed once', () => {
    const received = receiveMembers(structuredClone(shipMembers(members, 'whole')));
    expect(received.map((m) => m.id)).toEqual(members.map((m) => m.id));
    for (let i = 0; i < members.length; i++) {
      const m = received[i]!;
      expect({ id: m.id, network: m.network, name: m.name, vector: m.vector }).toEqual(members[i]);
      expect(m.vector).toBe(m.vector);
    }
    // Names with quotes, line breaks and letters outside Latin-1 keep their place in the text.
    const odd = [{ ...members[0]!, id: 'a"\n1', name: 'Åsa "Ö" 北' }, { ...members[1]!, id: 'b\\2' }];
    expect(receiveMembers(shipMembers(odd, 'whole')).map((m) => [m.id, m.name, m.vector])).toEqual(odd.map((m) => [m.id, m.name, m.vector]));
  });

  it('with services, only the id and the service side of the vector travel', () => {
    const shipped = shipMembers(members, 'services');
    expect(shipped.texts.join('').length).toBeLessThan(shipMembers(members, 'whole').texts.join('').length / 3);
    const received = receiveMembers(structuredClone(shipped));
    for (let i = 0; i < members.length; i++) {
      const { id, vector } = members[i]!;
      expect({ id: received[i]!.id, vector: received[i]!.vector }).toEqual({
        id,
        vector: { services: vector.services, serviceWords: vector.serviceWords, nace: vector.nace, unrecognised: { services: vector.unrecognised.services } },
      });
    }
  });

  it.each<ShippedPart>(['whole', 'services'])('an index restored over them (%s) answers as the original', (part) => {
    const index = buildExactPartnerIndex(members, knowledge);
    const restored = restoreExactPartnerIndex(structuredClone(index.snapshot()), receiveMembers(structuredClone(shipMembers(members, part))), knowledge);
    let competitors = 0;
    for (let p = 0; p < members.length; p++) {
      const want = index.bestAt(p, 5, DEFAULT_SCORING_CONFIG);
      const got = restored.bestAt(p, 5, DEFAULT_SCORING_CONFIG);
      expect(got.partners.map((x) => [x.member.id, x.score])).toEqual(want.partners.map((x) => [x.member.id, x.score]));
      expect(got.directCompetitors.map((x) => x.id)).toEqual(want.directCompetitors.map((x) => x.id));
      expect(got.overlaps).toBe(want.overlaps);
      competitors += want.directCompetitors.length;
    }
    // The competitor overlaps (read from the shipped service side) decided something.
    expect(competitors).toBeGreaterThan(0);
  });
});
