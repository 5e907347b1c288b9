import { bearerToken, RequestLoaders } from '@app/core';
import { buildRequestContext } from './request-context';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

describe('bearerToken', () => {
  it('takes the token out of "Bearer <token>"', () => {
    expect(bearerToken(`Bearer ${TOKEN}`)).toBe(TOKEN);
  });

  it('accepts the scheme in any case', () => {
    expect(bearerToken(`bearer ${TOKEN}`)).toBe(TOKEN);
    expect(bearerToken(`BEARER ${TOKEN}`)).toBe(TOKEN);
  });

  it('tolerates extra spaces around the token', () => {
    expect(bearerToken(`Bearer    ${TOKEN}  `)).toBe(TOKEN);
  });

  it('refuses another scheme', () => {
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBeNull();
  });

  it('refuses a header with the scheme but no token', () => {
    expect(bearerToken('Bearer')).toBeNull();
    expect(bearerToken('Bearer   ')).toBeNull();
  });

  it('refuses a bare token without the scheme', () => {
    expect(bearerToken(TOKEN)).toBeNull();
  });

  it('refuses two tokens', () => {
    expect(bearerToken(`Bearer ${TOKEN} ${TOKEN}`)).toBeNull();
  });

  it('refuses a scheme glued to the token', () => {
    expect(bearerToken(`Bearer${TOKEN}`)).toBeNull();
  });

  it('refuses text before the scheme', () => {
    expect(bearerToken(`x Bearer ${TOKEN}`)).toBeNull();
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['an empty string', ''],
    ['a number', 42],
    ['an array of headers', [`Bearer ${TOKEN}`]],
    ['an object', { token: TOKEN }],
  ])('returns null for %s', (_what, header) => {
    expect(bearerToken(header)).toBeNull();
  });
});

describe('buildRequestContext', () => {
  describe('over HTTP', () => {
    it('reads the token from an Authorization: Bearer header', () => {
      expect(
        buildRequestContext({ headers: { authorization: `Bearer ${TOKEN}` }, ip: '203.0.113.7' }),
      ).toEqual({ token: TOKEN, ip: '203.0.113.7', loaders: expect.any(RequestLoaders) });
    });

    it('is anonymous without an Authorization header', () => {
      expect(buildRequestContext({ headers: {}, ip: '203.0.113.7' })).toEqual({
        loaders: expect.any(RequestLoaders),
        token: null,
        ip: '203.0.113.7',
      });
    });

    it('is anonymous with another authorization scheme', () => {
      expect(buildRequestContext({ headers: { authorization: 'Basic dXNlcjpwYXNz' } }).token).toBe(
        null,
      );
    });

    it('does not take a bare token from the header', () => {
      expect(buildRequestContext({ headers: { authorization: TOKEN } }).token).toBeNull();
    });

    it('ignores a repeated header given as an array', () => {
      expect(
        buildRequestContext({ headers: { authorization: [`Bearer ${TOKEN}`, 'Bearer other'] } })
          .token,
      ).toBeNull();
    });

    it('records the address as unknown when the request has none', () => {
      expect(buildRequestContext({ headers: {} }).ip).toBe('unknown');
    });

    it('leaves the viewer for the auth guard to establish', () => {
      expect(
        buildRequestContext({ headers: { authorization: `Bearer ${TOKEN}` } }),
      ).not.toHaveProperty('viewer');
    });
  });

  it('gives every operation loaders of its own, so no batch serves another request', () => {
    const first = buildRequestContext({ headers: {}, ip: '203.0.113.7' });
    const second = buildRequestContext({ connectionParams: {}, ip: '192.0.2.1' });
    expect(first.loaders).not.toBe(second.loaders);
  });

  describe('over graphql-ws', () => {
    const ws = (connectionParams?: Record<string, unknown>, ip = '192.0.2.1') => ({
      connectionParams,
      ip,
    });

    it("reads the token from connectionParams { authorization: 'Bearer x' }", () => {
      expect(buildRequestContext(ws({ authorization: `Bearer ${TOKEN}` }, '198.51.100.4'))).toEqual(
        {
          token: TOKEN,
          ip: '198.51.100.4',
          loaders: expect.any(RequestLoaders),
        },
      );
    });

    it('reads a capitalised Authorization parameter too', () => {
      expect(buildRequestContext(ws({ Authorization: `Bearer ${TOKEN}` })).token).toBe(TOKEN);
    });

    it("reads the token from connectionParams { token: 'x' }", () => {
      expect(buildRequestContext(ws({ token: TOKEN })).token).toBe(TOKEN);
    });

    it('accepts a token parameter written with the Bearer scheme', () => {
      expect(buildRequestContext(ws({ token: `Bearer ${TOKEN}` })).token).toBe(TOKEN);
    });

    it('prefers authorization over token when both are sent', () => {
      expect(
        buildRequestContext(ws({ authorization: 'Bearer first', token: 'second' })).token,
      ).toBe('first');
    });

    it('is anonymous without connection parameters', () => {
      expect(buildRequestContext(ws(undefined)).token).toBeNull();
      expect(buildRequestContext({ ip: '192.0.2.1' }).token).toBeNull();
    });

    it("reads the upgrade request's Authorization header when no parameter names a token", () => {
      const upgradeAuthorization = `Bearer ${TOKEN}`;
      expect(buildRequestContext({ ...ws(undefined), upgradeAuthorization }).token).toBe(TOKEN);
      expect(buildRequestContext({ ...ws({ token: 'param' }), upgradeAuthorization }).token).toBe(
        'param',
      );
      expect(
        buildRequestContext({ ...ws(undefined), upgradeAuthorization: TOKEN }).token,
      ).toBeNull();
    });

    it('is anonymous with unrelated connection parameters', () => {
      expect(buildRequestContext(ws({ clientVersion: '1.2.3' })).token).toBeNull();
    });

    it.each([
      ['a number', { authorization: 42 }],
      ['an object', { token: { value: TOKEN } }],
      ['an array', { authorization: [`Bearer ${TOKEN}`] }],
      ['null', { token: null }],
      ['another scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
      ['several words', { token: 'not a token' }],
    ])('is anonymous when the parameter is garbage: %s', (_what, params) => {
      expect(buildRequestContext(ws(params)).token).toBeNull();
    });

    it('keeps the address the server worked out for the connection', () => {
      expect(buildRequestContext(ws({}, '198.51.100.4')).ip).toBe('198.51.100.4');
    });
  });
});
