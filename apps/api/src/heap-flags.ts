/**
 * The Node flags the API runs with. By default V8 sizes the heap from the machine, and the API
 * under load grew to 600 MB resident. Capping the old generation at 384 MB keeps it near 380 MB
 * at no measurable cost in requests/s. Tighter caps were measured and rejected: a signed-in
 * thread page keeps a few MB alive per request in flight, so at 50 connections a 192 MB old
 * generation (with 16 MB semi-spaces) held 280 MB but served 25–35% fewer pages, and 128–192 MB
 * alone made V8 collect without pause. package.json's start:api, the Dockerfile and
 * docker-compose.yml spell the same flags.
 */
export const API_NODE_FLAGS = ['--max-old-space-size=384'];
