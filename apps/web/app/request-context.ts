import { createContext } from 'react-router';

/** What the web server knows of the request, for loaders and actions to call the API with. */
export interface RequestInfo {
  /** The member's API token (from the session cookie), or null for a visitor. */
  token: string | null;
  /** The visitor's address, passed on so that the API's per-address limits see the visitor. */
  clientIp: string;
  /** The id the request goes by in the web's and the API's logs. */
  requestId: string;
}

export const requestInfo = createContext<RequestInfo>();
