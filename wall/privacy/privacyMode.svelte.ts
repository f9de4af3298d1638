// The wall's privacy mode, on from `?privacy=1` and toggled with the P key (wall/keys/). The wall
// has one, in its UI context (wall/ui/); panels, map labels and alarm cards show event texts
// through its `masker`.
import { maskerFor, type Masker } from './masker.ts';

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
