export interface CouchTestServer {
  url: string;
  user: string;
  password: string;
  close(): Promise<void>;
}
export declare function startCouchTestServer(options?: {
  port?: number;
  user?: string;
  password?: string;
}): Promise<CouchTestServer>;
