/**
 * The Node flags the API runs with. A request's objects are short-lived: a young generation of
 * 16 MB semi-spaces lets them die there, and an old generation capped at 192 MB makes V8 collect
 * before the process grows into the machine's memory (by default it sizes the heap from the
 * machine, and the API under load reached 600 MB resident with 70 MB live). Measured with
 * `npm run bench`: peak resident memory under load about 240 MB, requests/s unchanged.
 * package.json's start:api, the Dockerfile and docker-compose.yml spell the same flags.
 */
export const API_NODE_FLAGS = ['--max-old-space-size=192', '--max-semi-space-size=16'];
