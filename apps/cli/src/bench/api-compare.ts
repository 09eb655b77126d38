import { Worker } from 'node:worker_threads';
import type { LoadPlan, LoadResult, TargetLoad } from './load-worker.js';

// `dyad bench api --compare-url …`: Dyad beside another GraphQL server on the same database (PostGraphile v4 with
// postgraphile-plugin-connection-filter, see the README), the same data asked for in each one's own schema, and
// optionally beside another build of Dyad (a baseline). The answers are checked equal first; then the servers
// are loaded in alternating one-second slices at the same connection count, so all see the same machine load.

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
  /** One figure per side, in the order the sides were given (Dyad first). */
  sides: LoadFigures[];
  /** Slices that began while the database still ran a statement of the slice before (see load-worker). */
  unquietSlices: number;
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

/** A server in the comparison: where it is, and the case's query and answer in its own schema. */
export interface CompareSide {
  name: string;
  side: Side;
  query: (i: number) => string;
  data: (data: any) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Checks that every side answers every variant of the case with the same data as the first; throws naming the first difference. */
export async function checkSameData(caseName: string, sides: CompareSide[], variants: number): Promise<void> {
  const [first, ...others] = sides;
  for (let i = 0; i < variants; i++) {
    const ours = JSON.stringify(first.data(await answer(first.side, first.query(i))));
    for (const other of others) {
      let theirs: string;
      try {
        theirs = JSON.stringify(other.data(await answer(other.side, other.query(i))));
      } catch (error) {
        throw new Error(`${other.name} cannot answer "${caseName}": ${(error as Error).message}`);
      }
      if (ours !== theirs) {
        throw new Error(`"${caseName}" variant ${i}: ${other.name} answers other data than ${first.name}:\n  ${first.name}: ${ours.slice(0, 400)}\n  ${other.name}: ${theirs.slice(0, 400)}`);
      }
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

/**
 * Loads every side (Dyad, a baseline build, the peer…) with its queries, alternating one-second slices for `seconds`
 * each, after `warmUpSeconds` of load each that is not counted.
 */
export async function loadInterleaved(
  name: string, sides: CompareSide[], variants: number, connections: number, seconds: number, warmUpSeconds: number, databaseUrl: string,
): Promise<CompareRow> {
  const plan: LoadPlan = {
    targets: sides.map(({ side, query }) => ({
      url: side.url, headers: side.headers, bodies: Array.from({ length: variants }, (_, i) => JSON.stringify({ query: query(i) })),
    })),
    connections,
    rounds: seconds,
    sliceMs: 1000,
    warmUpMs: warmUpSeconds * 1000,
    databaseUrl,
  };
  const worker = new Worker(new URL('./load-worker.js', import.meta.url), { workerData: plan });
  const { loads, unquietSlices } = await new Promise<LoadResult>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the load worker stopped (exit ${code})`)));
  });
  await worker.terminate();
  return { name, sides: loads.map(figures), unquietSlices };
}
