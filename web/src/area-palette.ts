import type { AreaNames } from './api-types.ts';
import { language } from './i18n.ts';

/** Colours of the business areas (distinguishable with the common colour-vision deficiencies) and of conflicts. */
export const AREA_COLOURS: Readonly<Record<string, string>> = {
  people: '#0072b2',
  'money-law': '#e69f00',
  'marketing-media': '#cc79a7',
  it: '#009e73',
  'home-property': '#8c564b',
  health: '#56b4e9',
  'events-hospitality': '#f0e442',
  logistics: '#7f7f7f',
  'business-support': '#6a3d9a',
};
export const UNKNOWN_AREA_COLOUR = '#bdbdbd';
export const PARTNERSHIP_COLOUR = '#4a5568';
export const DIRECT_CONFLICT_COLOUR = '#d62728';
export const PARTIAL_CONFLICT_COLOUR = '#ff7f0e';

export function areaColour(area: string | null): string {
  return (area && AREA_COLOURS[area]) || UNKNOWN_AREA_COLOUR;
}

let names: AreaNames = {};

/** The areas' names in each language (GET /concepts), once they have arrived. */
export function setAreaNames(next: AreaNames): void {
  names = next;
}

/** An area by name in the interface language ("money-law" → "ekonomi och juridik"); plainly ("money & law") until the names have arrived. */
export function areaName(area: string | null): string {
  if (!area) return '—';
  return names[area]?.[language()] ?? area.replace('-', ' & ');
}
