/**
 * Regions as members write them ("Malmö", "Köpenhamn", "Greater London"), mapped to a
 * place key and the commuting area it belongs to. Two members share a market when
 * their areas are equal: Malmö and Copenhagen are one market across the bridge.
 * Unknown places keep their folded text as key and area, so equal spellings still meet.
 */
import { z } from 'zod';
import { foldWord, lowerText } from '../text/text-normalizer.ts';

export const gazetteerSchema = z.object({
  version: z.string(),
  regions: z.array(
    z.object({
      key: z.string(),
      area: z.string(),
      country: z.string().length(2),
      names: z.array(z.string()).min(1),
    }),
  ),
});
export type GazetteerData = z.infer<typeof gazetteerSchema>;

export interface RegionRef {
  readonly kind: 'region';
  readonly key: string;
  readonly area: string;
  readonly country: string | null;
  readonly known: boolean;
  /** How the place is written: the gazetteer's first name for it, or the member's own text. */
  readonly name: string;
}

export class RegionGazetteer {
  readonly version: string;
  /** Folded names, longest first, so "Frankfurt am Main" wins over "Frankfurt". */
  readonly #names: { folded: string; key: string; area: string; country: string; display: string }[] = [];

  constructor(data: GazetteerData) {
    this.version = data.version;
    for (const region of data.regions) {
      for (const name of region.names) {
        this.#names.push({ folded: fold(name), key: region.key, area: region.area, country: region.country, display: region.names[0]! });
      }
    }
    this.#names.sort((a, b) => b.folded.length - a.folded.length);
  }

  resolve(text: string | null): RegionRef | null {
    if (!text) return null;
    const folded = fold(text);
    if (!folded) return null;
    const padded = ` ${folded} `;
    for (const name of this.#names) {
      if (padded.includes(` ${name.folded} `)) {
        return { kind: 'region', key: name.key, area: name.area, country: name.country, known: true, name: name.display };
      }
    }
    return { kind: 'region', key: folded, area: folded, country: null, known: false, name: text.trim() };
  }
}

function fold(text: string): string {
  return foldWord(lowerText(text))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
