import { PartySetKeysAsArrays1797500000000 } from './1797500000000-party-set-keys-as-arrays.js';
import { Actors1797300000000 } from './1797300000000-actors.js';
import { LiveUpdates1797700000000 } from './1797700000000-live-updates.js';
import { PartySetsAndRollups1797000000000 } from './1797000000000-party-sets-and-rollups.js';
import { WorkerHeartbeat1797200000001 } from './1797200000001-worker-heartbeat.js';
import { WatchedSources1797200000000 } from './1797200000000-watched-sources.js';
import { EuropeanUnion1796100000000 } from './1796100000000-european-union.js';
import { ScoreRebuildByChangeDays1799200000000 } from './1799200000000-score-rebuild-by-change-days.js';
import { MeetingSourceOrder1799800000000 } from './1799800000000-meeting-source-order.js';
import { ScoreApplyBySteps1799900000000 } from './1799900000000-score-apply-by-steps.js';
import { DerivedValuePlansKept1799950000000 } from './1799950000000-derived-value-plans-kept.js';
import { FunnelStepRaisedOnInsert1799950000001 } from './1799950000001-funnel-step-raised-on-insert.js';
import { FollowUpPartySetByBranch1799950000002 } from './1799950000002-follow-up-party-set-by-branch.js';
import { MeetingSourceIndexCovered1799960000000 } from './1799960000000-meeting-source-index-covered.js';
import { FollowUpOpenDueCovered1799970000000 } from './1799970000000-follow-up-open-due-covered.js';
import { ScoreRebuildGroupedByDyad1799970000001 } from './1799970000001-score-rebuild-grouped-by-dyad.js';
import { ScoreApplyGenericPlans1799980000000 } from './1799980000000-score-apply-generic-plans.js';
import { FollowUpStatusDue1799990000000 } from './1799990000000-follow-up-status-due.js';
import { ActorMeetingRollup1800000000000 } from './1800000000000-actor-meeting-rollup.js';
import { NewsItemList1800000000001 } from './1800000000001-news-item-list.js';
import { DyadLastDateHeldMonth1800000000002 } from './1800000000002-dyad-last-date-held-month.js';
import { MeetingLastDateByPair1800000000003 } from './1800000000003-meeting-last-date-by-pair.js';
import { TextSearchIndexes1800000000004 } from './1800000000004-text-search-indexes.js';
import { MeetingSourceLanguagePublisher1800000000005 } from './1800000000005-meeting-source-language-publisher.js';
import { FollowUpMeetingSectors1800000000006 } from './1800000000006-follow-up-meeting-sectors.js';
import { ParticipantMeetingCopies1800000000007 } from './1800000000007-participant-meeting-copies.js';
import { SetRefreshInline1800000000008 } from './1800000000008-set-refresh-inline.js';
import { IdsInCreationOrder1800000000009 } from './1800000000009-ids-in-creation-order.js';
import { ScoreCellsWithoutStatistics1800000000010 } from './1800000000010-score-cells-without-statistics.js';
import { ScoreWholeMonths1800000000011 } from './1800000000011-score-whole-months.js';
import { StatementFollowUpOrigins1800000000012 } from './1800000000012-statement-follow-up-origins.js';
import { IdsOrderedWithinMillisecond1800000000013 } from './1800000000013-ids-ordered-within-millisecond.js';
import { IdsPlannedOnce1800000000014 } from './1800000000014-ids-planned-once.js';
import { StatementFollowUpParties1800000000015 } from './1800000000015-statement-follow-up-parties.js';
import { MeetingSectorsRollupAlone1800000000016 } from './1800000000016-meeting-sectors-rollup-alone.js';
import { DyadDayRollup1800000000017 } from './1800000000017-dyad-day-rollup.js';
import { ProposalHistoryIndex1800000000018 } from './1800000000018-proposal-history-index.js';
import { OpenOwnerIndexOnce1800000000019 } from './1800000000019-open-owner-index-once.js';
import { ScoreRebuildLighter1800000000020 } from './1800000000020-score-rebuild-lighter.js';
import { MeetingRollupsAtCommit1800000000021 } from './1800000000021-meeting-rollups-at-commit.js';
import { ScoreNotesPerStatement1800000000022 } from './1800000000022-score-notes-per-statement.js';
import { MeetingReferencesIndexed1800000000023 } from './1800000000023-meeting-references-indexed.js';
import { FollowUpDerivedOnInsert1800000000024 } from './1800000000024-follow-up-derived-on-insert.js';
import { ChartRollupsAtCommit1799300000000 } from './1799300000000-chart-rollups-at-commit.js';
import { OpenFollowUpCandidatesIndexOnly1799600000000 } from './1799600000000-open-follow-up-candidates-index-only.js';
import { FunnelStepOnStatusChanges1799600000001 } from './1799600000001-funnel-step-on-status-changes.js';
import { ProposalLookupIndexOnly1799600000002 } from './1799600000002-proposal-lookup-index-only.js';
import { ScoreRollup1797600000000 } from './1797600000000-score-rollup.js';
import { MeetingListIndex1797800000000 } from './1797800000000-meeting-list-index.js';
import { OneActorPerPerson1798300000000 } from './1798300000000-one-actor-per-person.js';
import { MeetingPairList1798500000000 } from './1798500000000-meeting-pair-list.js';
import { ChartRollupsPerStatement1798600000000 } from './1798600000000-chart-rollups-per-statement.js';
import { MeetingHeldByPlace1798600000001 } from './1798600000001-meeting-held-by-place.js';
import { DyadDueRollup1798700000000 } from './1798700000000-dyad-due-rollup.js';
import { DyadListedMeetings1798700000001 } from './1798700000001-dyad-listed-meetings.js';
import { OverviewListIndexes1798800000000 } from './1798800000000-overview-list-indexes.js';
import { ScoreRollupMonthCells1799000000000 } from './1799000000000-score-rollup-month-cells.js';
import { ProposalSectorRollupTakeBack1799000000001 } from './1799000000001-proposal-sector-rollup-take-back.js';
import { DyadRollup1798100000000 } from './1798100000000-dyad-rollup.js';
import { ScoreRollupShards1798100000001 } from './1798100000001-score-rollup-shards.js';
import { RollupWritesOnAdd1798100000002 } from './1798100000002-rollup-writes-on-add.js';
import { MeetingInPersonIndex1798400000004 } from './1798400000004-meeting-in-person-index.js';
import { MeetingLatestDateBack1798400000003 } from './1798400000003-meeting-latest-date-back.js';
import { FollowUpOriginDate1798400000002 } from './1798400000002-follow-up-origin-date.js';
import { SetRefreshById1798400000001 } from './1798400000001-set-refresh-by-id.js';
import { ScoreRollupAtCommit1798400000000 } from './1798400000000-score-rollup-at-commit.js';
import { RollupMonthInlined1798100000003 } from './1798100000003-rollup-month-inlined.js';
import { IngestionLookups1797100000000 } from './1797100000000-ingestion-lookups.js';
import { MeetingStatus1796094033411 } from './1796094033411-meeting-status.js';
import { ProposalReadings1795662135446 } from './1795662135446-proposal-readings.js';
import { SearchKeys1795661892960 } from './1795661892960-search-keys.js';
import { SeedCountries1795661413549 } from './1795661413549-seed-countries.js';
import { InitialSchema1795661413548 } from './1795661413548-initial-schema.js';
// Every migration, in the order it runs. New ones come from `dyad migrate --generate <Name>`.
export const MIGRATIONS: (new () => import('typeorm').MigrationInterface)[] = [
  InitialSchema1795661413548,
  SeedCountries1795661413549,
  SearchKeys1795661892960,
  ProposalReadings1795662135446,
  MeetingStatus1796094033411,
  EuropeanUnion1796100000000,
  PartySetsAndRollups1797000000000,
  IngestionLookups1797100000000,
  WatchedSources1797200000000,
  WorkerHeartbeat1797200000001,
  Actors1797300000000,
  PartySetKeysAsArrays1797500000000,
  ScoreRollup1797600000000,
  LiveUpdates1797700000000,
  MeetingListIndex1797800000000,
  DyadRollup1798100000000,
  ScoreRollupShards1798100000001,
  RollupWritesOnAdd1798100000002,
  RollupMonthInlined1798100000003,
  OneActorPerPerson1798300000000,
  ScoreRollupAtCommit1798400000000,
  SetRefreshById1798400000001,
  FollowUpOriginDate1798400000002,
  MeetingLatestDateBack1798400000003,
  MeetingInPersonIndex1798400000004,
  MeetingPairList1798500000000,
  ChartRollupsPerStatement1798600000000,
  MeetingHeldByPlace1798600000001,
  DyadDueRollup1798700000000,
  DyadListedMeetings1798700000001,
  OverviewListIndexes1798800000000,
  ScoreRollupMonthCells1799000000000,
  ProposalSectorRollupTakeBack1799000000001,
  ScoreRebuildByChangeDays1799200000000,
  ChartRollupsAtCommit1799300000000,
  OpenFollowUpCandidatesIndexOnly1799600000000,
  FunnelStepOnStatusChanges1799600000001,
  ProposalLookupIndexOnly1799600000002,
  MeetingSourceOrder1799800000000,
  ScoreApplyBySteps1799900000000,
  DerivedValuePlansKept1799950000000,
  FunnelStepRaisedOnInsert1799950000001,
  FollowUpPartySetByBranch1799950000002,
  MeetingSourceIndexCovered1799960000000,
  FollowUpOpenDueCovered1799970000000,
  ScoreRebuildGroupedByDyad1799970000001,
  ScoreApplyGenericPlans1799980000000,
  FollowUpStatusDue1799990000000,
  ActorMeetingRollup1800000000000,
  NewsItemList1800000000001,
  DyadLastDateHeldMonth1800000000002,
  MeetingLastDateByPair1800000000003,
  TextSearchIndexes1800000000004,
  MeetingSourceLanguagePublisher1800000000005,
  FollowUpMeetingSectors1800000000006,
  ParticipantMeetingCopies1800000000007,
  SetRefreshInline1800000000008,
  IdsInCreationOrder1800000000009,
  ScoreCellsWithoutStatistics1800000000010,
  ScoreWholeMonths1800000000011,
  StatementFollowUpOrigins1800000000012,
  IdsOrderedWithinMillisecond1800000000013,
  IdsPlannedOnce1800000000014,
  StatementFollowUpParties1800000000015,
  MeetingSectorsRollupAlone1800000000016,
  DyadDayRollup1800000000017,
  ProposalHistoryIndex1800000000018,
  OpenOwnerIndexOnce1800000000019,
  ScoreRebuildLighter1800000000020,
  MeetingRollupsAtCommit1800000000021,
  ScoreNotesPerStatement1800000000022,
  MeetingReferencesIndexed1800000000023,
  FollowUpDerivedOnInsert1800000000024,
];
