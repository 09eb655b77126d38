import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/ingestion.js';
import { startTestApi, type GraphqlResponse, type TestApi } from '../support/api.js';

interface ActorNode {
  id: string;
  name: string;
  aliases: string[];
  version: number;
  meetingCount: number;
  country: { code: string } | null;
}

const ACTOR_FIELDS = `id name aliases version meetingCount country { code }`;

// The actor API over the three fixture reports (fa and en of one meeting, ru of a later one).
describe('GraphQL actors: query, search, merge and split', () => {
  let api: TestApi;
  let analystKey: string;
  let viewerKey: string;

  const gql = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, key?: string): Promise<GraphqlResponse<T>> =>
    api.graphql<T>(query, variables, key ?? analystKey);
  const findActor = async (search: string): Promise<ActorNode> => {
    const found = await gql<{ actors: { nodes: ActorNode[] } }>(`query($s: String) { actors(search: $s) { nodes { ${ACTOR_FIELDS} } } }`, { s: search });
    expect(found.errors).toBeUndefined();
    expect(found.data!.actors.nodes).toHaveLength(1);
    return found.data!.actors.nodes[0];
  };
  const actorCount = async () => (await gql<{ actors: { totalCount: number } }>(`{ actors { totalCount } }`)).data!.actors.totalCount;

  beforeAll(async () => {
    api = await startTestApi();
    const key = async (role: string) =>
      (await api.graphql<{ createApiKey: { key: string } }>(`mutation { createApiKey(role: ${role}, label: "${role}") { key } }`)).data!.createApiKey.key;
    analystKey = await key('ANALYST');
    viewerKey = await key('VIEWER');
    const items = [
      { text: fixture('actors/01-meeting-fa.txt'), publisher: 'ICRO' },
      { text: fixture('actors/02-meeting-en.txt'), publisher: 'Example Times', publishedAt: '2025-09-16' },
      { text: fixture('actors/03-meeting-ru.txt'), publisher: 'Example Vesti' },
    ];
    for (const input of items) {
      const result = await gql(`mutation($input: IngestNewsItemInput!) { ingestNewsItem(input: $input) { status } }`, { input });
      expect(result.errors).toBeUndefined();
    }
  });
  afterAll(() => api.close());

  it('finds one person by any script, with their spellings', async () => {
    const latin = await findActor('Talebi');
    expect(await findActor('طالبی')).toEqual(latin);
    expect(await findActor('Талеби-Матин')).toEqual(latin);
    expect(latin).toMatchObject({ meetingCount: 2, country: { code: 'IR' } });
    expect([latin.name, ...latin.aliases].sort()).toEqual(['Ali Akbar Talebi-Matin', 'Али Акбар Талеби-Матин', 'علی‌اکبر طالبی‌متین'].sort());
  });

  it('pages the actors as a connection, those in most meetings first', async () => {
    const first = await gql<{ actors: { totalCount: number; nodes: ActorNode[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      `{ actors(first: 1) { totalCount nodes { name meetingCount } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(first.data!.actors.totalCount).toBe(3);
    expect(first.data!.actors.nodes[0].meetingCount).toBe(2);
    expect(first.data!.actors.pageInfo.hasNextPage).toBe(true);
    const rest = await gql<{ actors: { nodes: ActorNode[] } }>(`query($a: String) { actors(first: 5, after: $a) { nodes { name } } }`, {
      a: first.data!.actors.pageInfo.endCursor,
    });
    expect(rest.data!.actors.nodes).toHaveLength(2);
    const kz = await gql<{ actors: { totalCount: number } }>(`{ actors(country: "KZ") { totalCount } }`);
    expect(kz.data!.actors.totalCount).toBe(2);
  });

  it('shows an actor’s meetings with their sources, countries and titles over time', async () => {
    const { id } = await findActor('Talebi');
    const result = await gql<{
      actor: {
        meetings: { totalCount: number; nodes: { date: string; sources: { language: string }[] }[] };
        countries: { country: { code: string }; meetings: number }[];
        titles: { title: string; firstSeen: string; lastSeen: string }[];
      };
    }>(
      `query($id: ID!) { actor(id: $id) {
         meetings { totalCount nodes { date sources { language } } }
         countries { country { code } meetings }
         titles { title firstSeen lastSeen }
       } }`,
      { id },
    );
    expect(result.errors).toBeUndefined();
    const actor = result.data!.actor;
    expect(actor.meetings.nodes.map((m) => [m.date, m.sources.map((s) => s.language).sort()])).toEqual([
      ['2026-03-10', ['ru']],
      ['2025-09-15', ['en', 'fa']],
    ]);
    expect(actor.countries).toEqual([
      { country: { code: 'IR' }, meetings: 2 },
      { country: { code: 'KZ' }, meetings: 2 },
    ]);
    expect(actor.titles.map((t) => [t.title, t.firstSeen])).toEqual([
      ['رایزن فرهنگی جمهوری اسلامی ایران در قزاقستان', '2025-09-15'],
      ['Заместитель министра культуры Ирана', '2026-03-10'],
    ]);
  });

  it('links a meeting participant to its actor', async () => {
    const { id } = await findActor('Talebi');
    const meetings = await gql<{ meetings: { nodes: { participants: { reportedName: string; actor: { id: string } }[] }[] } }>(
      `{ meetings { nodes { participants { reportedName actor { id } } } } }`,
    );
    const theirs = meetings.data!.meetings.nodes.flatMap((m) => m.participants).filter((p) => p.actor.id === id);
    expect(theirs.map((p) => p.reportedName).sort()).toEqual(['Али Акбар Талеби-Матин', 'علی‌اکبر طالبی‌متین']);
  });

  it('splits off a participation as another person, and merges it back', async () => {
    const talebi = await findActor('Talebi');
    const participations = await gql<{ actor: { participations: { id: string; reportedName: string }[] } }>(
      `query($id: ID!) { actor(id: $id) { participations { id reportedName } } }`,
      { id: talebi.id },
    );
    const russian = participations.data!.actor.participations.find((p) => p.reportedName.startsWith('Али'))!;
    const split = await gql<{ splitActor: ActorNode }>(
      `mutation($id: ID!, $input: SplitActorInput!) { splitActor(actorId: $id, input: $input) { ${ACTOR_FIELDS} } }`,
      { id: talebi.id, input: { expectedVersion: talebi.version, participantIds: [russian.id] } },
    );
    expect(split.errors).toBeUndefined();
    expect(split.data!.splitActor).toMatchObject({ name: 'Али Акбар Талеби-Матин', meetingCount: 1, country: { code: 'IR' }, version: 1 });
    const after = await gql<{ actor: ActorNode }>(`query($id: ID!) { actor(id: $id) { ${ACTOR_FIELDS} } }`, { id: talebi.id });
    expect(after.data!.actor).toMatchObject({ meetingCount: 1, version: talebi.version + 1 });
    expect(after.data!.actor.aliases).not.toContain('Али Акбар Талеби-Матин');

    // The old version is stale now: CONFLICT, nothing changes.
    const stale = await gql(`mutation($t: ID!, $v: Int!, $d: [ID!]!) { mergeActors(targetId: $t, expectedVersion: $v, duplicateIds: $d) { id } }`, {
      t: talebi.id,
      v: talebi.version,
      d: [split.data!.splitActor.id],
    });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await actorCount()).toBe(4);

    const merged = await gql<{ mergeActors: ActorNode }>(
      `mutation($t: ID!, $v: Int!, $d: [ID!]!) { mergeActors(targetId: $t, expectedVersion: $v, duplicateIds: $d) { ${ACTOR_FIELDS} } }`,
      { t: talebi.id, v: after.data!.actor.version, d: [split.data!.splitActor.id] },
    );
    expect(merged.errors).toBeUndefined();
    expect(merged.data!.mergeActors).toMatchObject({ meetingCount: 2, version: talebi.version + 2 });
    expect(merged.data!.mergeActors.aliases).toContain('Али Акбар Талеби-Матин');
    expect(await actorCount()).toBe(3);
    const gone = await gql(`query($id: ID!) { actor(id: $id) { id } }`, { id: split.data!.splitActor.id });
    expect(gone.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const audit = await api.graphql<{ auditLog: { nodes: { action: string }[] } }>(`{ auditLog(first: 50) { nodes { action } } }`);
    expect(audit.data!.auditLog.nodes.map((entry) => entry.action)).toEqual(expect.arrayContaining(['actor.split', 'actor.create', 'actor.merge']));
  });

  it('refuses bad merges and splits with a clear error, changing nothing', async () => {
    const talebi = await findActor('Talebi');
    const seitkali = await findActor('Seitkali');
    const merge = (v: number, d: string[], t = talebi.id) =>
      gql(`mutation($t: ID!, $v: Int!, $d: [ID!]!) { mergeActors(targetId: $t, expectedVersion: $v, duplicateIds: $d) { id } }`, { t, v, d });
    const split = (input: Record<string, unknown>, id = talebi.id) =>
      gql(`mutation($id: ID!, $input: SplitActorInput!) { splitActor(actorId: $id, input: $input) { id } }`, { id, input });
    const participations = (
      await gql<{ actor: { participations: { id: string }[] } }>(`query($id: ID!) { actor(id: $id) { participations { id } } }`, { id: talebi.id })
    ).data!.actor.participations.map((p) => p.id);
    const otherParticipation = (
      await gql<{ actor: { participations: { id: string }[] } }>(`query($id: ID!) { actor(id: $id) { participations { id } } }`, { id: seitkali.id })
    ).data!.actor.participations[0].id;

    const cases: [GraphqlResponse, RegExp, string?][] = [
      [await merge(talebi.version, [seitkali.id]), /different countries \(IR, KZ\)/],
      [await merge(talebi.version, []), /at least one other actor/],
      [await merge(talebi.version, [talebi.id]), /at least one other actor/],
      [await merge(talebi.version, ['not-an-id']), /not-an-id is not a valid id/],
      [await merge(talebi.version, ['00000000-0000-4000-8000-000000000000']), /does not exist/, 'NOT_FOUND'],
      [await split({ expectedVersion: talebi.version, participantIds: participations }), /at least one participation/],
      [await split({ expectedVersion: talebi.version, participantIds: [] }), /at least one participation to split off/],
      [await split({ expectedVersion: talebi.version, participantIds: [otherParticipation] }), /is not one of actor/],
      [await split({ expectedVersion: talebi.version, participantIds: [participations[0]], name: '   ' }), /name must not be blank/],
      [await split({ expectedVersion: talebi.version, participantIds: [participations[0]], country: 'Iran' }), /ISO alpha-2/],
      [await split({ expectedVersion: talebi.version, participantIds: [participations[0]], country: 'QQ' }), /QQ/],
      [await gql(`{ actors(search: "   ") { totalCount } }`), /search must not be blank/],
      [await gql(`{ actors(country: "ir") { totalCount } }`), /ISO alpha-2/],
    ];
    for (const [response, message, code = 'BAD_USER_INPUT'] of cases) {
      expect(response.errors?.[0].extensions?.code).toBe(code);
      expect(response.errors?.[0].message).toMatch(message);
    }
    expect(await findActor('Talebi')).toEqual(talebi);
    expect(await actorCount()).toBe(3);
  });

  it('lets viewers read actors but not merge or split them', async () => {
    const talebi = await findActor('Talebi');
    expect((await gql(`{ actors { totalCount } }`, undefined, viewerKey)).errors).toBeUndefined();
    const refused = await gql(
      `mutation($t: ID!, $v: Int!, $d: [ID!]!) { mergeActors(targetId: $t, expectedVersion: $v, duplicateIds: $d) { id } }`,
      { t: talebi.id, v: talebi.version, d: [talebi.id] },
      viewerKey,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
