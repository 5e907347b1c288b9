import { AppConfig } from '@app/core';
import { FastifyHelmetOptions } from '@fastify/helmet';

/** What Apollo Sandbox, the development landing page on /graphql, loads and frames. */
const SANDBOX_SOURCES = {
  scriptSrc: ["'unsafe-inline'", 'https://embeddable-sandbox.cdn.apollographql.com'],
  styleSrc: ["'unsafe-inline'", 'https://fonts.googleapis.com'],
  fontSrc: ['https://fonts.gstatic.com'],
  imgSrc: ['https://apollo-server-landing-page.cdn.apollographql.com'],
  frameSrc: ['https://sandbox.embed.apollographql.com'],
  connectSrc: ["'self'"],
};

/**
 * The security headers of every response. In production the API serves JSON and CSV downloads,
 * never a page, so the content policy allows nothing to load and nobody to frame it; in
 * development it lets Apollo Sandbox load on /graphql. Strict-Transport-Security is sent in
 * production only: a development machine on http://localhost must not be pinned to HTTPS.
 */
export function securityHeaders(config: Pick<AppConfig, 'nodeEnv'>): FastifyHelmetOptions {
  const production = config.nodeEnv === 'production';
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
        ...(production ? {} : SANDBOX_SOURCES),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: production
      ? { maxAge: 365 * 24 * 3600, includeSubDomains: true }
      : false,
  };
}
