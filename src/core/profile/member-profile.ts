/**
 * A member's profile as the engine receives it: parsed and validated, not yet
 * understood. Understanding (concepts, vectors) is the vectoriser's job.
 */
import type { NaceCode } from '../codes/nace-code.ts';
import type { DealValue } from '../money/deal-value.ts';

export type MemberId = string & { readonly __brand: 'MemberId' };
export type NetworkId = string & { readonly __brand: 'NetworkId' };

export const SIZE_BANDS = ['consumer', 'micro', 'small', 'medium', 'large'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

export const CAPACITIES = ['over', 'balanced', 'under'] as const;
export type Capacity = (typeof CAPACITIES)[number];

export interface MemberProfile {
  readonly id: MemberId;
  readonly name: string;
  readonly company: string | null;
  readonly network: NetworkId | null;
  /** The language as written in the roster (any ISO 639-1 code), or null when empty. */
  readonly language: string | null;
  readonly region: string | null;
  readonly industry: string | null;
  readonly nace: NaceCode | null;
  readonly services: readonly string[];
  readonly targetIndustries: readonly string[];
  readonly targetCompanySizes: readonly SizeBand[];
  readonly contactRoles: readonly string[];
  readonly stage: string | null;
  readonly avgDealValue: DealValue | null;
  readonly capacity: Capacity | null;
  readonly interests: readonly string[];
}

/** The roster fields of the input contract, in their documented order. */
export const ROSTER_FIELDS = [
  'id', 'name', 'company', 'network', 'language', 'region', 'industry', 'nace', 'services',
  'target_industries', 'target_company_sizes', 'contact_roles', 'stage', 'avg_deal_value', 'capacity', 'interests',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];
export const REQUIRED_ROSTER_FIELDS: readonly RosterField[] = ['id', 'name', 'services'];
