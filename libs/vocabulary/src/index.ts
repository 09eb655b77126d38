// The shared vocabulary: a leaf library (it imports nothing of ours) that extraction, domain, the API and
// the dashboard all read.
export * from './vocabulary.js';
export * from './groups.js';
export * from './countries.js';
