/**
 * Reasons read as the member's language writes them: the one-to-one ratings (averages
 * with a decimal) with a decimal point in English and a decimal comma in Swedish,
 * Danish and German; a rating not given is a dash, not a made-up number.
 */
import { describe, expect, it } from 'vitest';
import { writeReasons } from '../../src/core/reasons/reason-writer.ts';
import { knowledge } from '../support/demo-members.ts';

const meetings = [{ key: 'one-to-ones', meetings: 3, mine: 3.4, theirs: null }] as const;

describe('reason sentences', () => {
  it('write averages with the decimal sign of the language, and a dash for a rating not given', () => {
    expect(writeReasons(meetings, 'en', knowledge)).toEqual(['3 one-to-one meetings: you rated them 3.4, they rated you – (of 5)']);
    expect(writeReasons(meetings, 'sv', knowledge)).toEqual(['3 enskilda möten: du gav 3,4, de gav – (av 5)']);
    expect(writeReasons(meetings, 'da', knowledge)).toEqual(['3 en-til-en-møder: du gav 3,4, de gav – (af 5)']);
    expect(writeReasons(meetings, 'de', knowledge)).toEqual(['3 Einzelgespräche: Sie gaben 3,4, Ihr Partner – (von 5)']);
  });

  it('count in English with the singular for one', () => {
    const one = [{ key: 'one-to-ones', meetings: 1, mine: 4, theirs: 5 }] as const;
    expect(writeReasons(one, 'en', knowledge)).toEqual(['1 one-to-one meeting: you rated them 4, they rated you 5 (of 5)']);
    const record = [{ key: 'referral-record', received: 1, won: 0, valueEur: 0, given: 2 }] as const;
    expect(writeReasons(record, 'en', knowledge)).toEqual(['referral record: they passed you 1 referral, 0 won (0 EUR); you passed them 2']);
    expect(writeReasons([{ ...record[0], received: 4 }], 'en', knowledge)[0]).toContain('they passed you 4 referrals,');
  });
});
