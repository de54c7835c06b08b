// The team server: Hocuspocus on 127.0.0.1, documents and members in one SQLite file of the data folder.
import { Database } from '@hocuspocus/extension-database';
import { Server, type onAuthenticatePayload } from '@hocuspocus/server';
import { teamOfDocName } from '../lib/team/doc-names';
import { TeamStore, hashToken, type Member } from './store';

export const DEFAULT_PORT = 1234;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = './server-data';
/** Longer than any name of lib/team/doc-names.ts (a 64-character team id, /article/, 64 hex digits). */
const DOC_NAME_MAX = 256;
/** WebSocket close code of an open connection whose member was removed (4000-4999: the application's own). */
export const REMOVED_CLOSE_CODE = 4401;

/** What a connection carries after onAuthenticate: the member who opened it, and their token's SHA-256. */
export interface TeamContext {
  member: Member;
  tokenSha256: string;
}

/**
 * A refusal. Hocuspocus sends `reason` to the client (the provider's `authenticationFailed` event); the message is
 * the same text, for the server's own log.
 */
export class Refusal extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * Decides whether a token may open a document: the token must belong to a current member, and the document must
 * be one of that member's team (`team/...`). Viewers get read-only connections: Hocuspocus then neither applies nor
 * broadcasts their updates.
 */
export function authorize(
  store: TeamStore,
  token: string,
  documentName: string,
): { member: Member; readOnly: boolean } {
  if (!token) throw new Refusal('No token: ask your team administrator for one.');
  const found = store.lookupToken(token);
  if (found.state === 'unknown') throw new Refusal('Unknown token: it belongs to no member of any team.');
  if (found.state === 'removed') {
    throw new Refusal(`This token was removed from team ${found.member.team}; ask your team administrator.`);
  }
  const { member } = found;
  if (documentName.length > DOC_NAME_MAX || /\p{Cc}/u.test(documentName)) {
    throw new Refusal(`A document name has at most ${DOC_NAME_MAX} characters and no control characters.`);
  }
  if (teamOfDocName(documentName) !== member.team) {
    throw new Refusal(`Document ${JSON.stringify(documentName)} is not one of team ${member.team}'s documents.`);
  }
  return { member, readOnly: member.role === 'viewer' };
}

export interface TeamServerOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Hocuspocus's start banner and connection log. */
  quiet?: boolean;
  /** Milliseconds Hocuspocus waits after a change before storing the document (its default: 2000). */
  debounce?: number;
}

export interface RunningTeamServer {
  port: number;
  url: string;
  store: TeamStore;
  /** Closes every connection, stores every open document, then closes the database. */
  stop(): Promise<void>;
}

export async function startTeamServer(options: TeamServerOptions): Promise<RunningTeamServer> {
  const store = new TeamStore(options.dataDir);
  const host = options.host ?? DEFAULT_HOST;
  const server = new Server<TeamContext>({
    name: 'claimlens-team',
    port: options.port,
    address: host,
    quiet: options.quiet ?? false,
    // The CLI stops the server itself (it also closes the database); tests start several in one process.
    stopOnSignals: false,
    ...(options.debounce === undefined ? {} : { debounce: options.debounce }),
    onAuthenticate: async ({ token, documentName, connectionConfig }: onAuthenticatePayload<TeamContext>) => {
      const { member, readOnly } = authorize(store, token, documentName);
      connectionConfig.readOnly = readOnly;
      return { member, tokenSha256: hashToken(token) } satisfies TeamContext;
    },
    // `member remove` runs in another process: each message of an open connection checks the member is still one
    // (an indexed lookup), and a removed member's connection is closed before their message is applied.
    beforeHandleMessage: async ({ context }) => {
      const found = store.lookupTokenHash(context.tokenSha256);
      if (found.state !== 'member') {
        // A plain object, not an Error: Hocuspocus logs it and closes with its code and reason, no stack trace.
        throw { code: REMOVED_CLOSE_CODE, reason: `This token was removed from team ${context.member.team}.` };
      }
    },
    extensions: [
      new Database({
        fetch: async ({ documentName }) => store.fetchDocument(documentName),
        store: async ({ documentName, state }) => store.storeDocument(documentName, state),
      }),
    ],
  });
  try {
    // A port in use is an 'error' event of the HTTP server, which Server.listen() never turns into a rejection.
    await new Promise<void>((resolve, reject) => {
      server.httpServer.once('error', reject);
      server.listen().then(() => {
        server.httpServer.off('error', reject);
        resolve();
      }, reject);
    });
  } catch (error) {
    store.close();
    throw error;
  }
  const port = server.address.port;
  let stopping: Promise<void> | undefined;
  return {
    port,
    url: `ws://${host}:${port}`,
    store,
    stop: () =>
      (stopping ??= server.destroy().finally(() => {
        store.close();
      })),
  };
}
