import { Actor } from './actor/actor.entity.js';
import { ApiKey } from './api-key/api-key.entity.js';
import { AuditEntry } from './audit/audit-entry.entity.js';
import { Country } from './country/country.entity.js';
import { Evidence } from './evidence/evidence.entity.js';
import { FollowUpAction } from './follow-up/follow-up-action.entity.js';
import { FollowUpOwner } from './follow-up/follow-up-owner.entity.js';
import { FollowUpStatusChange } from './follow-up/follow-up-status-change.entity.js';
import { Meeting } from './meeting/meeting.entity.js';
import { MeetingParticipant } from './meeting/meeting-participant.entity.js';
import { MeetingParty } from './meeting/meeting-party.entity.js';
import { MeetingReading } from './meeting/meeting-reading.entity.js';
import { MeetingSource } from './meeting/meeting-source.entity.js';
import { NewsItem } from './news-item/news-item.entity.js';
import { Proposal } from './proposal/proposal.entity.js';
import { ProposalParty } from './proposal/proposal-party.entity.js';
import { ProposalStatusChange } from './proposal/proposal-status-change.entity.js';
import { Source } from './source/source.entity.js';
import { SourceEntry } from './source/source-entry.entity.js';

export {
  Actor, ApiKey, AuditEntry, Country, Evidence, FollowUpAction, FollowUpOwner, FollowUpStatusChange, Meeting,
  MeetingParticipant, MeetingParty, MeetingReading, MeetingSource, NewsItem, Proposal, ProposalParty, ProposalStatusChange, Source, SourceEntry,
};

/** Every entity, for the data source. */
export const ENTITIES = [
  Actor, ApiKey, AuditEntry, Country, Evidence, FollowUpAction, FollowUpOwner, FollowUpStatusChange, Meeting,
  MeetingParticipant, MeetingParty, MeetingReading, MeetingSource, NewsItem, Proposal, ProposalParty, ProposalStatusChange, Source, SourceEntry,
];
