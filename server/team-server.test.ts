// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleDocName, teamIndexDocName } from '../lib/team/doc-names';
import { TeamStore } from './store';
import { authorize, type RunningTeamServer } from './team-server';
import { connect, mapHas, startTestServer, storedDoc, tempDataDir, type Client } from './test-helpers';

const ARTICLE = articleDocName('desk', 'https://news.example.org/2024/05/story');

let data: ReturnType<typeof tempDataDir>;
let server: RunningTeamServer | undefined;
let clients: Client[] = [];
let tokens: Record<'ann' | 'bob' | 'cat' | 'vic' | 'zed', string>;

function open(documentName: string, token: string): Client {
  const client = connect(server!, documentName, token);
  clients.push(client);
  return client;
}

async function stopServer(): Promise<void> {
  for (const client of clients) client.provider.destroy();
  clients = [];
  await server?.stop();
  server = undefined;
}

beforeEach(async () => {
  data = tempDataDir();
  // Members are added as the CLI adds them: straight into the data folder's database, before the server starts.
  const store = new TeamStore(data.dir);
  tokens = {
    ann: store.addMember({ team: 'desk', name: 'Ann', role: 'editor' }).token,
    bob: store.addMember({ team: 'desk', name: 'Bob', role: 'editor' }).token,
    cat: store.addMember({ team: 'desk', name: 'Cat', role: 'editor' }).token,
    vic: store.addMember({ team: 'desk', name: 'Vic', role: 'viewer' }).token,
    zed: store.addMember({ team: 'other', name: 'Zed', role: 'editor' }).token,
  };
  store.close();
  server = await startTestServer(data.dir);
});

afterEach(async () => {
  await stopServer();
  data.remove();
});

describe('team server', () => {
  it("passes an editor's change to another member, and stores it", async () => {
    const ann = open(ARTICLE, tokens.ann);
    const bob = open(ARTICLE, tokens.bob);
    await Promise.all([ann.synced(), bob.synced()]);
    ann.map.set('claim-1', { status: 'unsourced', by: 'Ann' });
    await mapHas(bob.map, 'claim-1');
    expect(bob.map.get('claim-1')).toEqual({ status: 'unsourced', by: 'Ann' });

    await stopServer();
    expect(storedDoc(data.dir, ARTICLE)?.getMap('claims').get('claim-1')).toEqual({ status: 'unsourced', by: 'Ann' });
  });

  it("applies, broadcasts and stores nothing of a viewer's change, while the viewer still reads", async () => {
    const ann = open(ARTICLE, tokens.ann);
    const cat = open(ARTICLE, tokens.cat);
    const vic = open(ARTICLE, tokens.vic);
    await Promise.all([ann.synced(), cat.synced(), vic.synced()]);
    expect(vic.provider.authorizedScope).toBe('readonly');

    // The viewer reads the team's changes.
    ann.map.set('before', 1);
    await mapHas(vic.map, 'before');

    // The server answers the viewer's update with "not applied". Each socket's messages are handled in order, and
    // applying an update broadcasts it at once; so once that answer came, and then Ann's next change reached Cat,
    // the viewer's change would have reached Cat before it, had it been applied.
    const refused = vic.nextRejectedUpdate();
    vic.map.set('by-viewer', 'should not spread');
    await refused;
    ann.map.set('after', 2);
    await Promise.all([mapHas(cat.map, 'after'), mapHas(ann.map, 'after')]);
    expect(cat.map.has('by-viewer')).toBe(false);
    expect(ann.map.has('by-viewer')).toBe(false);

    await stopServer();
    const stored = storedDoc(data.dir, ARTICLE)!.getMap('claims');
    expect(stored.get('after')).toBe(2);
    expect(stored.has('by-viewer')).toBe(false);
  });

  it('refuses a wrong token, a removed token and another team’s documents, each with its reason', async () => {
    const wrong = open(ARTICLE, 'not-a-token-of-anyone');
    expect(await wrong.refusal).toMatch(/Unknown token/);

    const empty = open(ARTICLE, '');
    expect(await empty.refusal).toMatch(/No token/);

    // Removed while the server runs (as `member remove` does from another process): refused at the next connection.
    const admin = new TeamStore(data.dir);
    admin.removeMember('desk', 'Bob');
    admin.close();
    const bob = open(ARTICLE, tokens.bob);
    expect(await bob.refusal).toMatch(/removed from team desk/);

    const zed = open(ARTICLE, tokens.zed);
    expect(await zed.refusal).toMatch(/not one of team other's documents/);
    // A prefix is a whole team id followed by a slash, not a string prefix.
    const deskish = open('desk-2/index', tokens.ann);
    expect(await deskish.refusal).toMatch(/not one of team desk's documents/);

    // None of them got the document; a member of the team still does.
    for (const refused of [wrong, empty, bob, zed, deskish]) expect(refused.provider.isSynced).toBe(false);
    const ann = open(teamIndexDocName('desk'), tokens.ann);
    await ann.synced();
    expect(ann.provider.authorizedScope).toBe('read-write');
  });

  it("closes a removed member's open connection before applying their next change", async () => {
    const ann = open(ARTICLE, tokens.ann);
    const bob = open(ARTICLE, tokens.bob);
    const cat = open(ARTICLE, tokens.cat);
    await Promise.all([ann.synced(), bob.synced(), cat.synced()]);

    const admin = new TeamStore(data.dir);
    admin.removeMember('desk', 'Bob');
    admin.close();
    bob.map.set('after-removal', 'should not spread');
    expect(await bob.closed).toMatch(/removed from team desk/);
    // As with the viewer: Bob's message was refused before Ann's next change was sent, so it would have come first.
    ann.map.set('after', 1);
    await mapHas(cat.map, 'after');
    expect(cat.map.has('after-removal')).toBe(false);
    expect(ann.map.has('after-removal')).toBe(false);
  });

  it('serves the stored document after a restart on the same data folder', async () => {
    const ann = open(ARTICLE, tokens.ann);
    await ann.synced();
    ann.map.set('claim-1', 'kept');
    ann.doc.getText('note').insert(0, 'Shared note');
    const index = open(teamIndexDocName('desk'), tokens.ann);
    await index.synced();
    index.map.set(ARTICLE, { title: 'Story' });
    // Both changes are on the server once a second member sees them.
    const bob = open(ARTICLE, tokens.bob);
    const bobIndex = open(teamIndexDocName('desk'), tokens.bob);
    await Promise.all([mapHas(bob.map, 'claim-1'), mapHas(bobIndex.map, ARTICLE)]);

    await stopServer();
    server = await startTestServer(data.dir);

    const cat = open(ARTICLE, tokens.cat);
    const catIndex = open(teamIndexDocName('desk'), tokens.cat);
    await Promise.all([cat.synced(), catIndex.synced()]);
    expect(cat.map.get('claim-1')).toBe('kept');
    expect(cat.doc.getText('note').toString()).toBe('Shared note');
    expect(catIndex.map.get(ARTICLE)).toEqual({ title: 'Story' });
  });
});

describe('authorize', () => {
  it('gives editors read-write and viewers read-only connections to their team’s documents', () => {
    const store = new TeamStore(data.dir);
    try {
      expect(authorize(store, tokens.ann, ARTICLE)).toMatchObject({ readOnly: false, member: { name: 'Ann' } });
      expect(authorize(store, tokens.vic, ARTICLE)).toMatchObject({ readOnly: true, member: { role: 'viewer' } });
      for (const name of ['desk', 'desk/', '/desk/index', 'other/index', 'DESK/index']) {
        expect(() => authorize(store, tokens.ann, name)).toThrow(/not one of team desk's documents/);
      }
      for (const name of [`desk/${'x'.repeat(300)}`, 'desk/a\nb']) {
        expect(() => authorize(store, tokens.ann, name)).toThrow(/at most 256 characters and no control characters/);
      }
      // The longest name the extension makes stays within the limit.
      expect(articleDocName('x'.repeat(64), 'https://example.org/').length).toBeLessThanOrEqual(256);
    } finally {
      store.close();
    }
  });
});
