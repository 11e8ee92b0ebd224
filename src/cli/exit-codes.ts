/**
 * The CLI's exit codes (PRODUCT.md): 0 done; 1 done, but some input rows were
 * rejected; 2 usage error or unusable input, nothing changed; 3 runtime failure.
 * The one place errors become exit codes.
 */
import { PartnerfitError } from '../core/errors.ts';

export const EXIT = { done: 0, rowsRejected: 1, usage: 2, failure: 3 } as const;

export function exitCodeOf(error: unknown): number {
  if (error instanceof PartnerfitError) {
    switch (error.code) {
      case 'usage':
      case 'unusable-input':
      case 'not-found':
        return EXIT.usage;
      case 'database':
        return EXIT.failure;
    }
  }
  return EXIT.failure;
}
