// What the wall reads from its URL: `?token=` for a relay with a WALL_TOKEN, `?lang=en` to start
// in English. The video-wall layout parameters of later work belong here too.
import { DEFAULT_LANG, isLang, type Lang } from '../i18n/lang.ts';

export interface WallParams {
  /** Sent as the Socket.IO handshake's `auth.token`; null sends none. */
  token: string | null;
  lang: Lang;
}

export function readWallParams(search: string): WallParams {
  const params = new URLSearchParams(search);
  const token = params.get('token');
  const lang = params.get('lang');
  return { token: token ? token : null, lang: isLang(lang) ? lang : DEFAULT_LANG };
}
