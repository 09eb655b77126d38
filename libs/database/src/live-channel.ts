/**
 * The PostgreSQL NOTIFY channel on which triggers (migration LiveUpdates) announce committed writes, so every
 * API process can tell its subscribers, whichever process wrote. Each payload is one small JSON object:
 * `{"kind":"newsItem","id":"…"}`, `{"kind":"meeting","id":"…","created":true}`,
 * `{"kind":"followUp","id":"…","from":"OPEN","to":"DONE"}`.
 */
export const LIVE_CHANNEL = 'dyad_live';
