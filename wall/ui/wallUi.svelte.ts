// The wall's UI state in one place: the language, privacy mode, the camera director, the URL
// parameters and who carries out each key's command (wall/keys/keyMap.ts), built once by App and handed to every component through Svelte's context (no
// `lang` prop threaded through the tree, no module-level singletons). The language itself lives
// in the store, which names places and saves it across kiosk reloads; the context reads it there.
import { getContext, setContext } from 'svelte';
import type { Lang } from '../i18n/lang.ts';
import type { WallCommand } from '../keys/keyMap.ts';
import type { HeatSource } from '../layers/heat.ts';
import { CameraDirector } from '../map/cameraDirector.svelte.ts';
import { PrivacyMode } from '../privacy/privacyMode.svelte.ts';
import type { UrlParams } from './urlParams.ts';

/** Where the wall's language is kept (the store). */
export interface LangHolder {
  readonly lang: Lang;
  toggleLang(): void;
}

export class WallUi {
  readonly privacy: PrivacyMode;
  readonly director = new CameraDirector();
  /** Which source the map's heat shows: H cycles it, each tour step sets its own. */
  heatSource = $state<HeatSource>('all');

  constructor(
    readonly params: UrlParams,
    private readonly langs: LangHolder,
  ) {
    this.privacy = new PrivacyMode(params.privacy);
  }

  get lang(): Lang {
    return this.langs.lang;
  }

  toggleLang(): void {
    this.langs.toggleLang();
  }

  showHeat(source: HeatSource): void {
    this.heatSource = source;
  }

  /** Not reactive: who carries out a command is looked up per key press. */
  private readonly commands: Partial<Record<WallCommand, CommandRun>> = {};

  /** The caller carries out these commands from now on (one owner each); returns the undo. */
  ownCommands(runs: Partial<Record<WallCommand, CommandRun>>): () => void {
    const owned = Object.entries(runs) as [WallCommand, CommandRun][];
    for (const [command] of owned) {
      if (this.commands[command]) throw new Error(`wall: the key command "${command}" has two owners`);
    }
    for (const [command, run] of owned) this.commands[command] = run;
    return () => {
      for (const [command, run] of owned) if (this.commands[command] === run) delete this.commands[command];
    };
  }

  /** Runs a key's command; false when nobody took it (no owner, or nothing to do now). */
  run(command: WallCommand): boolean {
    return this.commands[command]?.() ?? false;
  }
}

/** Carries out a command; false when it means nothing in the wall's present state. */
export type CommandRun = () => boolean;

const KEY = Symbol('wall-ui');

/** Called once, by App, while it is created. */
export function provideWallUi(ui: WallUi): WallUi {
  return setContext(KEY, ui);
}

/** The wall's UI context; call while a component is created. */
export function wallUi(): WallUi {
  const ui = getContext<WallUi | undefined>(KEY);
  if (!ui) throw new Error('wall: no UI context (components must sit under App)');
  return ui;
}
