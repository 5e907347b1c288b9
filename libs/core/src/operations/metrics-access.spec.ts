import { metricsAccess } from './metrics-access';

describe('metricsAccess', () => {
  const token = 'scrape-token-0123456789';

  describe('with METRICS_TOKEN set', () => {
    const config = { nodeEnv: 'production', metricsToken: token };

    it('allows the bearer token', () => {
      expect(metricsAccess(config, `Bearer ${token}`)).toBe('allowed');
    });

    it.each([
      ['no Authorization header', undefined],
      ['another token', 'Bearer scrape-token-0123456780'],
      ['the token with a suffix', `Bearer ${token}x`],
      ['a prefix of the token', `Bearer ${token.slice(0, -1)}`],
      ['the token without the Bearer scheme', token],
      ['the token as Basic credentials', `Basic ${token}`],
      ['an empty header', ''],
    ])('refuses %s', (_label, header) => {
      expect(metricsAccess(config, header)).toBe('unauthorized');
    });

    it('asks for the token outside production too', () => {
      expect(metricsAccess({ nodeEnv: 'development', metricsToken: token }, undefined)).toBe(
        'unauthorized',
      );
    });
  });

  describe('without METRICS_TOKEN', () => {
    it('is disabled in production, whatever is sent', () => {
      const config = { nodeEnv: 'production', metricsToken: null };
      expect(metricsAccess(config, undefined)).toBe('disabled');
      expect(metricsAccess(config, 'Bearer anything-at-all-here')).toBe('disabled');
    });

    it('is open in development and tests', () => {
      expect(metricsAccess({ nodeEnv: 'development', metricsToken: null }, undefined)).toBe(
        'allowed',
      );
      expect(metricsAccess({ nodeEnv: 'test', metricsToken: null }, undefined)).toBe('allowed');
    });
  });
});
