/**
 * The shape of the multilingual concept lexicon in `data/lexicon/`.
 * The lexicon is the project's own cross-lingual knowledge: every concept carries
 * labels in Swedish, Danish, German and English (Norwegian where we have it), so a
 * Danish "rekruttering" and a German "Rekrutierung" land on the same concept.
 */
import { z } from 'zod';

export const BUSINESS_AREAS = [
  'people', // people and organisation: recruitment, HR, leadership, training, coaching
  'money-law', // accounting, audit, tax, banking, insurance, law, financial advice
  'marketing-media', // marketing, advertising, design, web content, PR, photo, video, print
  'it', // software, IT operations, hosting, security, telecoms
  'home-property', // construction, trades, real estate, interior, cleaning, gardens
  'health', // health care, therapy, fitness, wellbeing, beauty
  'events-hospitality', // events, catering, restaurants, travel
  'logistics', // transport, removals, courier, warehousing
  'business-support', // office services, translation, consulting, project management
] as const;
export type BusinessArea = (typeof BUSINESS_AREAS)[number];

export const SENIORITIES = ['owner', 'c-level', 'director', 'manager', 'specialist', 'household'] as const;
export type Seniority = (typeof SENIORITIES)[number];

export const FUNCTIONS = [
  'general', 'hr', 'finance', 'it', 'marketing', 'sales', 'operations', 'legal', 'property', 'household',
] as const;
export type BusinessFunction = (typeof FUNCTIONS)[number];

/** Stages of a customer's life at which a supplier typically comes in. */
export const CUSTOMER_STAGES = ['start', 'grow', 'hire', 'develop', 'operate', 'move', 'transfer'] as const;
export type CustomerStage = (typeof CUSTOMER_STAGES)[number];

const labelList = z.array(z.string().min(2)).min(1);
const labels = z.object({
  en: labelList,
  sv: labelList,
  da: labelList,
  de: labelList,
  no: z.array(z.string().min(2)).optional(),
});

const base = {
  id: z.string().regex(/^[a-z]+\.[a-z0-9-]+$/),
  labels,
  /**
   * What reasons and reports call the concept, per language, where the first label
   * names a person or a firm rather than what they offer ("fastighetsmäklare":
   * "du erbjuder fastighetsförmedling"). Shown only, never matched.
   */
  names: z.object({ en: z.string().min(2), sv: z.string().min(2), da: z.string().min(2), de: z.string().min(2) }).optional(),
};

export const serviceConceptSchema = z.object({
  ...base,
  kind: z.literal('service'),
  area: z.enum(BUSINESS_AREAS),
  /** NACE Rev. 2 class or division codes ("69.20", "78") the service belongs to. */
  nace: z.array(z.string().regex(/^\d{2}(\.\d{1,2})?$/)).min(1),
  /** The stage of the customer's life where this service usually comes in. */
  stage: z.enum(CUSTOMER_STAGES),
  /** Concept ids of services that customers of this service typically also need (referral value). */
  complements: z.array(z.string()).default([]),
});

export const industryConceptSchema = z.object({
  ...base,
  kind: z.literal('industry'),
  /** NACE sections (letters) or divisions this customer industry covers. */
  nace: z.array(z.string().regex(/^([A-U]|\d{2})$/)).min(1),
});

export const roleConceptSchema = z.object({
  ...base,
  kind: z.literal('role'),
  seniority: z.enum(SENIORITIES),
  function: z.enum(FUNCTIONS),
});

/** Personal interests (sailing, golf, wine …): evidence for chemistry. */
export const interestConceptSchema = z.object({
  ...base,
  kind: z.literal('interest'),
});

/**
 * A word of the general business vocabulary (products, materials, activities) in
 * four languages: "Backwaren", "bageriprodukter", "bagerivarer" and "bakery products"
 * all carry `word.bakery`. Used to compare service texts the trade concepts do not
 * cover. `role`: a `thing` is what a firm makes, sells or serves; an `activity` is
 * what it does with it (manufacture, wholesale, repair …); a `generic` word says
 * nothing about the trade ("other", "products", "services") and is left out.
 */
export const WORD_ROLES = ['thing', 'activity', 'generic'] as const;
export type WordRole = (typeof WORD_ROLES)[number];

export const wordConceptSchema = z.object({
  ...base,
  kind: z.literal('word'),
  role: z.enum(WORD_ROLES),
});

export const conceptSchema = z.discriminatedUnion('kind', [
  serviceConceptSchema,
  industryConceptSchema,
  roleConceptSchema,
  interestConceptSchema,
  wordConceptSchema,
]);

export const lexiconSchema = z.object({
  version: z.string().min(1),
  concepts: z.array(conceptSchema).min(1),
});

export type ServiceConcept = z.infer<typeof serviceConceptSchema>;
export type IndustryConcept = z.infer<typeof industryConceptSchema>;
export type RoleConcept = z.infer<typeof roleConceptSchema>;
export type InterestConcept = z.infer<typeof interestConceptSchema>;
export type WordConcept = z.infer<typeof wordConceptSchema>;
export type Concept = z.infer<typeof conceptSchema>;
export type LexiconData = z.infer<typeof lexiconSchema>;
