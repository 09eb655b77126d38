// English words of people's titles and names. Lower case, compared as is.
import type { TitleWords } from '../language-pack.js';

export const titles: TitleWords = {
  heads: [
    'minister', 'president', 'ambassador', 'envoy', 'governor', 'counsellor', 'counselor', 'deputy', 'head',
    'chairman', 'chairwoman', 'chair', 'speaker', 'secretary', 'director', 'ceo', 'chief', 'spokesman',
    'spokeswoman', 'spokesperson', 'mayor', 'king', 'emir', 'prince', 'commander', 'advisor', 'adviser',
    'representative', 'attache', 'consul', 'chancellor', 'premier', 'counterpart', 'vice-president', 'attaché',
  ],
  governmentHeads: [],
  orgHeads: [
    'bank', 'ministry', 'center', 'centre', 'organization', 'organisation', 'company', 'university', 'council',
    'chamber', 'agency', 'foundation', 'institute', 'committee', 'commission', 'office', 'corporation', 'fund',
    'academy',
  ],
  modifiers: [
    'foreign', 'deputy', 'vice', 'prime', 'first', 'senior', 'acting', 'cultural', 'culture', 'economic',
    'trade', 'defense', 'defence', 'interior', 'oil', 'energy', 'finance', 'health', 'education', 'justice',
    'agriculture', 'industry', 'roads', 'transport', 'economy', 'affairs', 'general', 'special', 'top',
    'national', 'state', 'executive', 'managing',
  ],
  complement: [
    'resources', 'affairs', 'trade', 'industry', 'mine', 'mines', 'agriculture', 'jihad', 'culture', 'guidance',
    'islamic', 'communications', 'technology', 'roads', 'urban', 'development', 'energy', 'oil', 'water',
    'security', 'council', 'committee', 'organization', 'organisation', 'ministry', 'cinema', 'tourism',
    'foreign', 'economy', 'economic', 'finance', 'health', 'education', 'science', 'research', 'defense',
    'defence', 'interior', 'justice', 'transport', 'transportation', 'labour', 'labor', 'welfare', 'sports',
    'youth', 'heritage', 'handicrafts', 'promotion', 'supreme', 'national', 'state', 'republic', 'federation',
    'deputy', 'prime', 'minister', 'fisheries', 'information', 'media', 'press', 'bank', 'central', 'chamber',
    'commerce', 'customs', 'ports', 'maritime', 'shipping', 'railways', 'railway', 'housing', 'planning',
    'budget', 'cooperation', 'investment', 'assistant', 'senior', 'first', 'vice', 'assembly', 'parliament',
    'senate', 'congress', 'duma', 'majlis', 'house', 'representatives', 'court', 'judiciary', 'police', 'navy',
    'forces', 'guard', 'staff', 'cabinet',
  ],
  posted: [],
  andContinue: [],
  stop: [],
  notName: [
    'the', 'his', 'her', 'their', 'its', 'on', 'in', 'at', 'and', 'said', 'says', 'during', 'with', 'for', 'of',
    'to', 'mr', 'mrs', 'dr', 'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
    'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
    'december',
  ],
  nameLinks: [
    'bin', 'al', 'el', 'de', 'del', 'la', 'los', 'dos', 'du', 'van', 'von', 'abu', 'ibn', 'da', 'di', 'le',
  ],
  subjectNext: [],
};
