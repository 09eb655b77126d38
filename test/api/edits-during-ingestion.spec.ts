import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type GraphqlResponse, type TestApi } from '../support/api.js';

// Analysts editing a pair while reports on it arrive, all at once over GraphQL: each mutation is done or refused
// as stale (CONFLICT, or NOT_FOUND for a meeting merged away meanwhile), never failed by a deadlock or another
// server error, and no report is lost (each stays the source of a meeting).
const report = (month: string, day: number, place = 'Astana') =>
  `${place.toUpperCase()}, ${month} ${day}, 2025 – Iranian Foreign Minister Abbas Araghchi met his Kazakh counterpart Murat Nurtleu in ${place} ` +
  `and discussed transit cooperation. The two sides agreed to sign a memorandum of understanding on transit soon.`;

const ALLOWED = new Set(['CONFLICT', 'NOT_FOUND']);
const ROUNDS = 5;

describe('analysts’ mutations during ingestion on the same pair', () => {
  let api: TestApi;
  let analystKey: string;
  const gql = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>> =>
    api.graphql<T>(query, variables, analystKey);

  beforeAll(async () => {
    api = await startTestApi();
    analystKey = (await api.graphql<{ createApiKey: { key: string } }>(`mutation { createApiKey(role: ANALYST, label: "analyst") { key } }`)).data!.createApiKey.key;
  });
  afterAll(() => api?.close());

  it('answers every mutation, done or refused as stale, and loses no report', async () => {
    const ingest = (text: string) => gql(`mutation($text: String!) { ingestNewsItem(input: {text: $text}) { status } }`, { text });
    for (const day of [3, 10]) expect((await ingest(report('March', day))).errors).toBeUndefined();
    const unexpected: unknown[] = [];
    let edited = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const { data } = await gql<{
        meetings: { nodes: { id: string; version: number; countries: { code: string }[] }[] };
        followUps: { nodes: { id: string; version: number; owners: { code: string }[] }[] };
        proposals: { nodes: { id: string; version: number; status: string }[] };
      }>(`{
        meetings(filter: {countries: ["IR", "KZ"]}) { nodes { id version countries { code } } }
        followUps(filter: {countries: ["IR", "KZ"]}) { nodes { id version owners { code } } }
        proposals(filter: {countries: ["IR", "KZ"]}) { nodes { id version status } }
      }`);
      const [first, second, third] = data!.meetings.nodes;
      const followUp = data!.followUps.nodes[0];
      const proposal = data!.proposals.nodes[0];
      const calls: Promise<GraphqlResponse>[] = [
        ingest(report('April', round + 1)),
        ingest(report('March', 3 + round * 7, 'Tehran')),
        ingest(report('March', 10)),
      ];
      if (first && second) {
        calls.push(gql(`mutation($t: ID!, $v: Int!, $d: [ID!]!) { mergeMeetings(targetId: $t, expectedVersion: $v, duplicateIds: $d) { id } }`, {
          t: first.id, v: first.version, d: [second.id],
        }));
      }
      if (third ?? second) {
        const meeting = (third ?? second)!;
        const countries = meeting.countries.length > 2 ? ['IR', 'KZ'] : ['IR', 'KZ', 'RU'];
        calls.push(gql(`mutation($id: ID!, $v: Int!, $c: [String!]) { updateMeeting(id: $id, expectedVersion: $v, input: {countries: $c}) { id } }`, {
          id: meeting.id, v: meeting.version, c: countries,
        }));
      }
      if (followUp) {
        const owners = followUp.owners.length > 1 ? ['KZ'] : ['IR', 'KZ'];
        calls.push(gql(`mutation($id: ID!, $v: Int!, $o: [String!]) { updateFollowUp(id: $id, expectedVersion: $v, input: {owners: $o}) { id } }`, {
          id: followUp.id, v: followUp.version, o: owners,
        }));
      }
      if (proposal) {
        const status = proposal.status === 'NEGOTIATING' ? 'AGREED' : 'NEGOTIATING';
        calls.push(gql(`mutation($id: ID!, $v: Int!, $s: ProposalStatus!) { setProposalStatus(id: $id, expectedVersion: $v, status: $s, overrideReason: "analyst check") { id } }`, {
          id: proposal.id, v: proposal.version, s: status,
        }));
      }
      for (const [i, response] of (await Promise.all(calls)).entries()) {
        for (const error of response.errors ?? []) if (!ALLOWED.has(error.extensions?.code ?? '')) unexpected.push(error);
        if (i >= 3 && !response.errors) edited++;
      }
    }
    expect(unexpected).toEqual([]);
    expect(edited).toBeGreaterThan(0);
    const { data } = await gql<{ newsItems: { nodes: { id: string; meetings: { id: string }[] }[] } }>(`{ newsItems(first: 100) { nodes { id meetings { id } } } }`);
    expect(data!.newsItems.nodes.filter((item) => item.meetings.length !== 1)).toEqual([]);
  }, 120_000);
});
