/** The five criteria, in the order PRODUCT.md lists them. */
import { chemistryCriterion } from './chemistry-criterion.ts';
import { complementarityCriterion } from './complementarity-criterion.ts';
import type { Criterion } from './criterion.ts';
import { mutualProfitCriterion } from './mutual-profit-criterion.ts';
import { sharedContactsCriterion } from './shared-contacts-criterion.ts';
import { sharedCustomersCriterion } from './shared-customers-criterion.ts';

export const CRITERIA: readonly Criterion[] = [
  chemistryCriterion,
  complementarityCriterion,
  sharedCustomersCriterion,
  sharedContactsCriterion,
  mutualProfitCriterion,
];
