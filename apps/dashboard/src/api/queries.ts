// GraphQL documents used by the views. Evidence is always `evidence { newsItem { id title url } start end quote }`.

export const EVIDENCE = 'evidence { newsItem { id title url } start end quote }';

export const ME = `{ me { role keyId } }`;

export const COUNTRIES = `{ countries { code name } }`;

export const OVERVIEW = `query Overview(
  $meetings: MeetingFilterInput, $previousMeetings: MeetingFilterInput,
  $active: ProposalFilterInput, $previousActive: ProposalFilterInput,
  $mous: ProposalFilterInput, $previousMous: ProposalFilterInput,
  $proposals: ProposalFilterInput,
  $followUps: FollowUpFilterInput, $previousFollowUps: FollowUpFilterInput,
  $cooperation: CooperationFilterInput
) {
  timeline: cooperationTimeline(filter: $meetings, granularity: MONTH) { periods { period label total byType { type count } } undatedMeetings }
  previousTimeline: cooperationTimeline(filter: $previousMeetings, granularity: YEAR) { periods { total } }
  active: proposalFunnel(filter: $active) { total }
  previousActive: proposalFunnel(filter: $previousActive) { total }
  mous: proposalFunnel(filter: $mous) { total }
  previousMous: proposalFunnel(filter: $previousMous) { total }
  funnel: proposalFunnel(filter: $proposals) { total byStatus { status count } steps { status reached } }
  followUps: followUpSummary(filter: $followUps) { total overdue dueNext30Days byStatus { status count } }
  previousFollowUps: followUpSummary(filter: $previousFollowUps) { overdue }
  sectors: sectorBreakdown(filter: $cooperation) { sector meetings proposals signed }
}`;

const PAIR_FIELDS = 'countries { code name } meetingCount proposalCount signedCount openFollowUps overdueFollowUps lastActivity score';

// Separate from OVERVIEW: ranking pairs is the slowest aggregate, and the other charts need not wait for it.
export const TOP_PAIRS = `query TopPairs($cooperation: CooperationFilterInput, $pairs: Int!, $after: String) {
  dyads(filter: $cooperation, first: $pairs, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { ${PAIR_FIELDS} }
  }
}`;

// The first page with each pair's monthly score over the same filter: the trend chart needs no request after it.
export const TOP_PAIRS_WITH_TRENDS = `query TopPairsWithTrends($cooperation: CooperationFilterInput, $pairs: Int!) {
  dyads(filter: $cooperation, first: $pairs) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { ${PAIR_FIELDS} scoreTrend(granularity: MONTH) { points { period label score } undatedMeetings } }
  }
}`;

export const FOLLOW_UP_FIELDS = `id description status horizon dueDate version
  owners { code name }
  meeting { id date type }
  proposal { id title kind }`;

export const EVIDENCE_FULL = 'evidence { id newsItem { id title url language } start end quote }';

export const PAIR_MEETING_FIELDS = `id type status date reviewStatus sectors summary
      countries { code name }
      location { name country { code } }
      participants { id name title organization country { code } }
      sources { id title url language }
      ${EVIDENCE_FULL}`;

export const PAIR_PROPOSAL_FIELDS = `id kind title description status statusDate countries { code } originMeeting { id date type }
  history { status date note byAnalyst } ${EVIDENCE_FULL}`;

export const PAIR = `query Pair($meetings: MeetingFilterInput, $undated: MeetingFilterInput, $proposals: ProposalFilterInput) {
  undated: meetings(filter: $undated, first: 20) { totalCount pageInfo { hasNextPage endCursor } nodes { ${PAIR_MEETING_FIELDS} } }
  meetings(filter: $meetings, first: 50) { totalCount pageInfo { hasNextPage endCursor } nodes { ${PAIR_MEETING_FIELDS} } }
  proposals(filter: $proposals, first: 50) { totalCount pageInfo { hasNextPage endCursor } nodes { ${PAIR_PROPOSAL_FIELDS} } }
}`;

export const MEETING_FIELDS = `id type status date dateSource sectors summary outcome outcomeNotes reviewStatus confidence version
  countries { code name }
  location { name country { code } }
  participants { id actorId name title organization role country { code } }
  sources { id title url language publishedAt publisher body }
  ${EVIDENCE_FULL}
  proposals { id kind title status statusDate version history { status date } ${EVIDENCE_FULL} }
  followUps { id description status horizon dueDate overdue version owners { code } ${EVIDENCE_FULL} }`;

export const MEETING = `query Meeting($id: ID!) { meeting(id: $id) { ${MEETING_FIELDS} } }`;
