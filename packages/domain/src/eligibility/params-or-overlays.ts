/** Shared input check of `evaluateEligibility` and `rankCandidates` (internal, not in the barrel). */
import { invalid } from '../shared/domain-error';
import type { ParameterOverlay, ParameterSnapshot } from '../parameters';

/** A parameter snapshot and parameter overlays exclude each other (`ELIGIBILITY.PARAMS_AND_OVERLAYS`). */
export function assertParamsOrOverlays(input: { readonly params?: ParameterSnapshot; readonly overlays?: readonly ParameterOverlay[] }): void {
  if (input.params !== undefined && input.overlays !== undefined && input.overlays.length > 0) {
    invalid('ELIGIBILITY.PARAMS_AND_OVERLAYS', 'Berikan snapshot parameter atau overlay, bukan keduanya.', 'Give either a parameter snapshot or overlays, not both.', {
      path: ['overlays'],
    });
  }
}
