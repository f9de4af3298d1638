// The wall's privacy mode, on from `?privacy=1` and toggled with the P key (PrivacyBadge). Panels,
// map labels and alarm cards show event texts through `privacy.masker`.
import { maskerFor, type Masker } from './masker.ts';
import { privacyRequested } from './privacyParam.ts';

export class PrivacyMode {
  on = $state(false);
  readonly masker: Masker = $derived(maskerFor(this.on));

  constructor(on: boolean) {
    this.on = on;
  }

  toggle(): void {
    this.on = !this.on;
  }
}

/** The wall's one privacy mode. */
export const privacy = new PrivacyMode(privacyRequested(location.search));
