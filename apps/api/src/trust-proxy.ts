import { TrustProxy } from '@app/core';
import { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/** Decides, hop by hop, whether an address may speak for the client (as Fastify asks). */
export type TrustFunction = (address: string, hop: number) => boolean;

/** The trust rule of the configuration: by default no proxy is believed. */
export function trustFunction(trust: TrustProxy): TrustFunction {
  if (trust === true) return () => true;
  if (trust === false) return () => false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return proxyAddr.compile(trust);
}

/** The client address of a raw request (a WebSocket upgrade), by the same rule as HTTP. */
export function clientAddress(request: IncomingMessage, trust: TrustFunction): string {
  return proxyAddr(request, trust);
}
