export interface CouchTestServer {
  url: string;
  user: string;
  password: string;
  close(): Promise<void>;
  /** Stops answering (connections refused, open ones cut); the databases stay. */
  stop(): Promise<void>;
  /** Answers again on the same port, with the databases as they were. */
  start(): Promise<void>;
  /** The next request `match` accepts takes the server down, after being handled unless `handled` is false. */
  crashOn(match: (req: { method?: string; url?: string }) => boolean, options?: { handled?: boolean }): void;
}
export declare function startCouchTestServer(options?: {
  port?: number;
  user?: string;
  password?: string;
}): Promise<CouchTestServer>;
