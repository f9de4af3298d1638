// Headless Chromium from Debian's package, driven by playwright-core. WebGL here is software
// (Mesa llvmpipe through EGL); SwiftShader is the fallback when EGL is not usable.
import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const COMMON_FLAGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const LLVMPIPE_FLAGS = ['--use-angle=gl-egl', '--ignore-gpu-blocklist'];
const SWIFTSHADER_FLAGS = ['--disable-gpu', '--enable-unsafe-swiftshader'];

export type WebGlBackend = 'llvmpipe' | 'swiftshader';

export async function launchChromium(): Promise<{ browser: Browser; backend: WebGlBackend }> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run "npm test" (it installs Debian's chromium) or set CHROMIUM_PATH`);
  }
  for (const [backend, flags] of [
    ['llvmpipe', LLVMPIPE_FLAGS],
    ['swiftshader', SWIFTSHADER_FLAGS],
  ] as const) {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...COMMON_FLAGS, ...flags] });
    if (await hasWebGl2(browser)) return { browser, backend };
    await browser.close();
  }
  throw new Error('Chromium started but offers no WebGL2 context with either llvmpipe or SwiftShader');
}

async function hasWebGl2(browser: Browser): Promise<boolean> {
  return (await webGlRenderer(browser)) !== null;
}

/** The renderer behind the browser's WebGL2 (llvmpipe, SwiftShader, a GPU's driver), or null without WebGL2. */
export async function webGlRenderer(browser: Browser): Promise<string | null> {
  const page = await browser.newPage();
  try {
    // As text: tsx would wrap a function in helpers the page lacks.
    return (await page.evaluate(
      '(() => { const gl = document.createElement("canvas").getContext("webgl2"); if (!gl) return null; ' +
        'const info = gl.getExtension("WEBGL_debug_renderer_info"); return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER); })()',
    )) as string | null;
  } finally {
    await page.close();
  }
}
