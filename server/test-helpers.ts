// Helpers of the team server's tests: a real server on 127.0.0.1 in a temporary data folder, and members connected
// through @hocuspocus/provider (Node 22's global WebSocket). Waits are for events, with a generous ceiling.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { TeamStore } from './store';
import { startTeamServer, type RunningTeamServer } from './team-server';

/** A ceiling for a hung wait, not a pace. */
export const CEILING_MS = 30_000;

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'claimlens-team-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Resolves when `check` holds, checking now and each time `subscribe`'s callback fires; rejects at the ceiling. */
export function when(what: string, subscribe: (fire: () => void) => () => void, check: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`Still waiting after ${CEILING_MS} ms for ${what}`));
    }, CEILING_MS);
    const fire = () => {
      if (!check()) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    unsubscribe = subscribe(fire);
    fire();
  });
}

/** Resolves when the map has `key` (set by anyone, locally or through the server). */
export function mapHas(map: Y.Map<unknown>, key: string): Promise<void> {
  return when(
    `key ${key} in the shared map`,
    (fire) => {
      map.observe(fire);
      return () => map.unobserve(fire);
    },
    () => map.has(key),
  );
}

export interface Client {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  map: Y.Map<unknown>;
  /** Reason of the first refusal, once the server refused the token. */
  refusal: Promise<string>;
  /** Reason the server gave when it closed this document's connection. */
  closed: Promise<string>;
  /** Resolves once authenticated and synced with the server. */
  synced(): Promise<void>;
  /** Resolves at the next update the server reports it did not apply (a read-only connection's write). */
  nextRejectedUpdate(): Promise<void>;
}

export function connect(server: { url: string }, documentName: string, token: string): Client {
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ url: server.url, name: documentName, token, document: doc });
  const refusal = new Promise<string>((resolve) => {
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => resolve(reason));
  });
  const closed = new Promise<string>((resolve) => {
    provider.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason));
  });
  const synced = () =>
    when(
      `${documentName} to sync`,
      (fire) => {
        provider.on('synced', fire);
        return () => provider.off('synced', fire);
      },
      () => provider.isSynced,
    );
  // The provider has no event for it: the server's SyncStatus message (type 8) with 0 means "update not applied".
  // Each message event carries a fresh reader of the message; its flag is a varint 0 or 1, read the same unsigned.
  const nextRejectedUpdate = () => {
    let rejected = false;
    return when(
      'the server to refuse an update',
      (fire) => {
        const onMessage = ({ message }: { message: { readVarString(): string; readVarUint(): number } }) => {
          message.readVarString();
          if (message.readVarUint() === 8 && message.readVarUint() === 0) rejected = true;
          fire();
        };
        provider.on('message', onMessage);
        return () => provider.off('message', onMessage);
      },
      () => rejected,
    );
  };
  return { provider, doc, map: doc.getMap('claims'), refusal, closed, synced, nextRejectedUpdate };
}

export async function startTestServer(dataDir: string): Promise<RunningTeamServer> {
  // A short debounce only makes stores happen sooner; nothing waits on it (stop() stores every open document).
  return startTeamServer({ dataDir, port: 0, quiet: true, debounce: 50 });
}

/** The stored state of a document, read from the SQLite file as another process would. */
export function storedDoc(dataDir: string, documentName: string): Y.Doc | undefined {
  const store = new TeamStore(dataDir);
  try {
    const state = store.fetchDocument(documentName);
    if (!state) return undefined;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    return doc;
  } finally {
    store.close();
  }
}
