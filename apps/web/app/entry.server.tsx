import { createReadableStreamFromReadable } from '@react-router/node';
import { isbot } from 'isbot';
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { renderToPipeableStream, type RenderToPipeableStreamOptions } from 'react-dom/server';
import { type EntryContext, ServerRouter } from 'react-router';

export const streamTimeout = 5_000;

/** Whether any cache may keep the page: a visitor's copy of a public page (lib/cache-control). */
function shareable(headers: Headers): boolean {
  return /^public\b/.test(headers.get('cache-control') ?? '');
}

/** Renders the page to the end and names it by its content. */
function renderWhole(
  context: EntryContext,
  url: string,
): Promise<{ html: Buffer; failed: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let failed = false;
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => chunks.push(chunk));
    sink.on('end', () => resolve({ html: Buffer.concat(chunks), failed }));
    const { pipe, abort } = renderToPipeableStream(<ServerRouter context={context} url={url} />, {
      onAllReady: () => pipe(sink),
      onShellError: reject,
      onError: () => {
        failed = true;
      },
    });
    setTimeout(abort, streamTimeout + 1000).unref();
  });
}

/**
 * A public page is rendered whole and sent with an ETag of its bytes, so that a browser or a
 * shared cache asking again (If-None-Match) gets a 304 without the body until something on the
 * page changes: a new answer, an edit, a correction all change the bytes. Other pages stream.
 */
export default async function handleRequest(
  request: Request,
  status: number,
  headers: Headers,
  context: EntryContext,
): Promise<Response> {
  if (request.method === 'HEAD') return new Response(null, { status, headers });
  headers.set('Content-Type', 'text/html; charset=utf-8');
  if (status === 200 && shareable(headers)) {
    const { html, failed } = await renderWhole(context, request.url);
    if (!failed) {
      const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;
      headers.set('ETag', etag);
      const known = request.headers.get('if-none-match')?.split(/\s*,\s*/) ?? [];
      if (known.includes(etag) || known.includes(`W/${etag}`)) {
        headers.delete('Content-Type');
        return new Response(null, { status: 304, headers });
      }
    }
    return new Response(new Uint8Array(html), { status: failed ? 500 : status, headers });
  }
  return streamPage(request, status, headers, context);
}

/** React Router's own way: the shell as soon as it is ready (everything first for crawlers). */
function streamPage(
  request: Request,
  status: number,
  headers: Headers,
  context: EntryContext,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const userAgent = request.headers.get('user-agent');
    const ready: keyof RenderToPipeableStreamOptions =
      (userAgent && isbot(userAgent)) || context.isSpaMode ? 'onAllReady' : 'onShellReady';
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <ServerRouter context={context} url={request.url} />,
      {
        [ready]() {
          shellRendered = true;
          const body = new PassThrough();
          resolve(new Response(createReadableStreamFromReadable(body), { status, headers }));
          pipe(body);
        },
        onShellError: reject,
        onError(error: unknown) {
          status = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000).unref();
  });
}
