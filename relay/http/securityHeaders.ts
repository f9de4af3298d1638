// Security headers for the wall app: a strict CSP (no inline script, nothing off-origin), since
// the wall shows text from upstream systems and runs unattended on a command-centre network.
import helmet from 'helmet';

export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // maplibre's worker is a same-origin module; deck.gl may spawn blob workers.
        workerSrc: ["'self'", 'blob:'],
        // Svelte and maplibre set element styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'none'"],
      },
    },
    // The wall PC may be reached over plain HTTP on an intranet.
    strictTransportSecurity: false,
  });
}
