import { AppConfig } from '@app/core';
import { FastifyHelmetOptions } from '@fastify/helmet';

/**
 * The security headers of every response. The API serves JSON and CSV downloads, never a page,
 * so the content policy allows nothing to load and nobody to frame it. Strict-Transport-Security
 * is sent in production only: a development machine on http://localhost must not be pinned to
 * HTTPS.
 */
export function securityHeaders(config: Pick<AppConfig, 'nodeEnv'>): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity:
      config.nodeEnv === 'production'
        ? { maxAge: 365 * 24 * 3600, includeSubDomains: true }
        : false,
  };
}
