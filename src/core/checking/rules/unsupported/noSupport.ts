/** What the unsupported/* hints share: when a claim as a whole has no source passage. */
import { UNSUPPORTED_MAX_ALIGNMENT } from '../../thresholds';
import type { ClaimContext } from '../shared';

/** A claim of two or more content words that no source sentence aligns with: hinted as a whole, not value by value. */
export function claimHasNoSupport(ctx: ClaimContext): boolean {
  return ctx.claim.stems.size >= 2 && (ctx.alignments[0]?.score ?? 0) < UNSUPPORTED_MAX_ALIGNMENT;
}
