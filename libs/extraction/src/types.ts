import type {
  DateSource, EventStatus, EventType, FollowUpHorizon, Language, ProposalKind, ProposalStatus, Sector,
} from './vocabulary.js';

/** A quote from the exact input: `text.slice(start, end) === text`. */
export interface Evidence {
  start: number;
  end: number;
  text: string;
}

export interface Participant {
  name: string;
  title: string | null;
  organization: string | null;
  country: string | null;
}

export interface ExtractedProposal {
  kind: ProposalKind;
  status: ProposalStatus;
  description: string;
  evidence: Evidence[];
}

export interface ExtractedFollowUp {
  description: string;
  owners: string[];
  horizon: FollowUpHorizon;
  dueDate: string | null;
  evidence: Evidence[];
}

export interface ExtractedEvent {
  type: EventType;
  status: EventStatus;
  date: string | null;
  dateSource: DateSource | null;
  countries: string[];
  location: { name: string; country: string | null } | null;
  sectors: Sector[];
  participants: Participant[];
  proposals: ExtractedProposal[];
  followUps: ExtractedFollowUp[];
  evidence: Evidence[];
  confidence: number;
}

/** The document `dyad extract --json` prints (the project's extraction contract: field names and enums are fixed). */
export interface ExtractionResult {
  language: Language;
  publishedAt: string | null;
  title: string | null;
  events: ExtractedEvent[];
}

export interface ExtractOptions {
  /** YYYY-MM-DD; else read from the text. */
  publishedAt?: string;
  /** Else detected. */
  lang?: Language;
  /** ISO alpha-2 of "our country"; default IR for Persian. */
  publisherCountry?: string;
}
