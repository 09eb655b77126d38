import { Worker } from 'node:worker_threads';
import type { LoadPlan, TargetLoad } from './load-worker.js';

// `dyad bench api --compare-url …`: Dyad beside another GraphQL server on the same database (PostGraphile v4 with
// postgraphile-plugin-connection-filter, see the README), the same data asked for in each one's own schema.
// Both answers are checked equal first; then the two are loaded in alternating one-second slices at the same
// connection count, so both see the same machine load.

export interface CompareCase {
  name: string;
  dyad: (i: number) => string;
  peer: (i: number) => string;
  /** The answer's data, reduced to the same shape for both servers. */
  dyadData: (data: any) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any
  peerData: (data: any) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any
}

type Meeting = { id: string; type: string; date: string | null };

/** The two cases, for the generated dataset (`meetingId(i)` is the id of its meeting i). */
export function compareCases(variants: number, meetingId: (i: number) => string): CompareCase[] {
  const pageSize = (i: number) => 41 + (i % variants);
  const id = (i: number) => meetingId(1 + ((i * 7919) % 100));
  const sorted = (values: string[]) => [...values].sort();
  return [
    {
      name: 'meetings IR+KZ, first 50, parties and sources',
      dyad: (i) => `{ meetings(filter: { countries: ["IR", "KZ"] }, first: ${pageSize(i)}) { totalCount nodes { id type date countries { code } sources { id } } } }`,
      // every one of IR and KZ a party (two `some`s), rejected meetings left out, newest first then by id (with
      // orderByNullsLast: undated last, as Dyad lists them)
      peer: (i) => `{ allMeetings(first: ${pageSize(i)}, orderBy: [DATE_DESC, ID_ASC], filter: { and: [
          { meetingPartiesByMeetingId: { some: { countryCode: { equalTo: "IR" } } } },
          { meetingPartiesByMeetingId: { some: { countryCode: { equalTo: "KZ" } } } }
        ], reviewStatus: { notEqualTo: REJECTED } }) {
        totalCount nodes { id type date meetingPartiesByMeetingId { nodes { countryCode } } meetingSourcesByMeetingId { nodes { newsItemId } } } } }`,
      dyadData: (data) => ({
        total: data.meetings.totalCount,
        nodes: data.meetings.nodes.map((m: Meeting & { countries: { code: string }[]; sources: { id: string }[] }) => ({
          id: m.id, type: m.type, date: m.date, parties: m.countries.map((c) => c.code), sources: sorted(m.sources.map((s) => s.id)),
        })),
      }),
      peerData: (data) => ({
        total: data.allMeetings.totalCount,
        nodes: data.allMeetings.nodes.map((m: Meeting & { meetingPartiesByMeetingId: { nodes: { countryCode: string }[] }; meetingSourcesByMeetingId: { nodes: { newsItemId: string }[] } }) => ({
          id: m.id, type: m.type, date: m.date,
          parties: sorted(m.meetingPartiesByMeetingId.nodes.map((p) => p.countryCode.trim())),
          sources: sorted(m.meetingSourcesByMeetingId.nodes.map((s) => s.newsItemId)),
        })),
      }),
    },
    {
      name: 'meeting by id with its countries',
      dyad: (i) => `{ meeting(id: "${id(i)}") { id type date status countries { code nameEn } } }`,
      peer: (i) => `{ meetingById(id: "${id(i)}") { id type date status meetingPartiesByMeetingId { nodes { countryByCountryCode { code nameEn } } } } }`,
      dyadData: (data) => data.meeting,
      peerData: (data) => {
        const { meetingPartiesByMeetingId, ...meeting } = data.meetingById;
        return {
          ...meeting,
          countries: meetingPartiesByMeetingId.nodes
            .map((p: { countryByCountryCode: { code: string; nameEn: string } }) => ({ ...p.countryByCountryCode, code: p.countryByCountryCode.code.trim() }))
            .sort((a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code)),
        };
      },
    },
  ];
}

export interface Side {
  url: string;
  headers: Record<string, string>;
}

export interface CompareRow {
  name: string;
  dyad: LoadFigures;
  peer: LoadFigures;
}

export interface LoadFigures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

async function answer(side: Side, query: string): Promise<unknown> {
  const response = await fetch(side.url, { method: 'POST', headers: side.headers, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (!response.ok || body.errors || !body.data) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
  return body.data;
}

/** Checks that both servers answer every variant of the case with the same data; throws naming the first difference. */
export async function checkSameData(item: CompareCase, dyad: Side, peer: Side, variants: number, peerName: string): Promise<void> {
  for (let i = 0; i < variants; i++) {
    const ours = JSON.stringify(item.dyadData(await answer(dyad, item.dyad(i))));
    let theirs: string;
    try {
      theirs = JSON.stringify(item.peerData(await answer(peer, item.peer(i))));
    } catch (error) {
      throw new Error(`${peerName} cannot answer "${item.name}": ${(error as Error).message}`);
    }
    if (ours !== theirs) {
      throw new Error(`"${item.name}" variant ${i}: ${peerName} answers other data than Dyad:\n  Dyad: ${ours.slice(0, 400)}\n  ${peerName}: ${theirs.slice(0, 400)}`);
    }
  }
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] : 0);

function figures(load: TargetLoad): LoadFigures {
  const sorted = [...load.latencies].sort((a, b) => a - b);
  return {
    requestsPerSecond: load.latencies.length / (load.elapsedMs / 1000),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    errors: load.errors,
    requests: load.latencies.length + load.errors,
  };
}

/** Loads Dyad and the peer with the case's variants, alternating one-second slices for `seconds` each. */
export async function loadInterleaved(
  item: CompareCase, dyad: Side, peer: Side, variants: number, connections: number, seconds: number,
): Promise<CompareRow> {
  const bodies = (query: (i: number) => string) => Array.from({ length: variants }, (_, i) => JSON.stringify({ query: query(i) }));
  const plan: LoadPlan = {
    targets: [
      { url: dyad.url, headers: dyad.headers, bodies: bodies(item.dyad) },
      { url: peer.url, headers: peer.headers, bodies: bodies(item.peer) },
    ],
    connections,
    rounds: seconds,
    sliceMs: 1000,
  };
  const worker = new Worker(new URL('./load-worker.js', import.meta.url), { workerData: plan });
  const [ours, theirs] = await new Promise<TargetLoad[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the load worker stopped (exit ${code})`)));
  });
  await worker.terminate();
  return { name: item.name, dyad: figures(ours), peer: figures(theirs) };
}
